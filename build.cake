// Smart's build. Once: `dotnet tool restore`; then `dotnet cake --target=<Target>` (default: Build).
//
//   Clean     dotnet clean + artifacts/
//   Restore   dotnet restore Smart.sln
//   Build     Restore, then dotnet build Smart.sln (--configuration=Debug|Release, default Debug)
//   Db        the project's PostgreSQL in .data/pg (scripts/db.sh start; port SMART_PG_PORT, default 55432)
//   Db-Stop   scripts/db.sh stop
//   Migrate   Db + Build, then the host applies every module's migrations and exits
//   Run       Db + Build, then smtp4dev (mails at http://localhost:5081, SMTP on 2525) and the host on http://localhost:5080
//             (Development: migrates, seeds demo data, Swagger UI)
//   Codegen   builds the host without its generated code, writes Wolverine's handler code (src/Host/Smart.Host/Internal/Generated)
//             with `codegen write`, then builds the solution
//   Codegen-Check  Build, then regenerates that code and fails if it changed: stale code silently drops middleware
//   Test      Db + Codegen-Check, then every test project; TRX files in artifacts/test-results; last line "N passed, N failed, N skipped"
//   Bench     Db, pgbench on the same cluster, then the benchmarks in Release (--samples=N, or --bench-args="..." passed through)
using System.Xml.Linq;

var target = Argument("target", "Build");
var configuration = Argument("configuration", "Debug");
var solution = "./Smart.sln";
var host = "./src/Host/Smart.Host/Smart.Host.csproj";
var bench = "./bench/Smart.Benchmarks/Smart.Benchmarks.csproj";
var testResults = Directory("./artifacts/test-results");

// Printed after everything else by the Test target, so that it is the very last line of the output.
string testSummary = null;

void Db(string command)
{
    var exitCode = StartProcess("bash", new ProcessSettings { Arguments = $"scripts/db.sh {command}" });
    if (exitCode != 0) throw new Exception($"scripts/db.sh {command} failed (exit code {exitCode})");
}

// The host's connection string, from scripts/db.sh (one place knows the port): ...;Database=smart
string DatabaseUrl()
{
    var exitCode = StartProcess("bash", new ProcessSettings { Arguments = "scripts/db.sh url", RedirectStandardOutput = true }, out var lines);
    if (exitCode != 0) throw new Exception($"scripts/db.sh url failed (exit code {exitCode})");
    return lines.Last().Trim();
}

// The tests' connection string: server-level, no database (each test fixture creates and drops its own).
string ServerUrl() => string.Join(";", DatabaseUrl().Split(';').Where(part => !part.StartsWith("Database=", StringComparison.OrdinalIgnoreCase)));

Task("Clean").Does(() =>
{
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration });
    CleanDirectories("./artifacts");
});

Task("Restore").Does(() => DotNetRestore(solution));

Task("Build").IsDependentOn("Restore").Does(() =>
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

Task("Db").Does(() => Db("start"));

Task("Db-Stop").Does(() => Db("stop"));

// The host through `dotnet run --no-launch-profile`, so that launchSettings.json cannot override the environment given here.
void RunHost(string arguments, Dictionary<string, string> environment)
{
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"run --project {host} --configuration {configuration} --no-build --no-launch-profile {arguments}".TrimEnd(),
        EnvironmentVariables = environment,
    });
    if (exitCode != 0) throw new Exception($"The host exited with code {exitCode}.");
}

// Wolverine's pre-generated handler code, checked in: Release runs only this code (TypeLoadMode.Static).
var generatedCode = "./src/Host/Smart.Host/Internal/Generated";

// `codegen write` builds the host's services without starting it: no database is reached, but a connection string must be set.
void WriteGeneratedCode() =>
    RunHost("-- codegen write", new Dictionary<string, string> { ["ConnectionStrings__Smart"] = "Host=127.0.0.1;Database=codegen" });

Dictionary<string, string> GeneratedFiles() => System.IO.Directory.Exists(generatedCode)
    ? System.IO.Directory.GetFiles(generatedCode, "*.cs", System.IO.SearchOption.AllDirectories)
        .ToDictionary(file => System.IO.Path.GetRelativePath(generatedCode, file), System.IO.File.ReadAllText)
    : new Dictionary<string, string>();

// Stale generated code may not even compile against changed handlers: the host is built without it first.
Task("Codegen").IsDependentOn("Restore").Does(() =>
{
    if (System.IO.Directory.Exists(generatedCode)) System.IO.Directory.Delete(generatedCode, recursive: true);
    DotNetBuild(host, new DotNetBuildSettings { Configuration = configuration, NoRestore = true });
    WriteGeneratedCode();
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, NoRestore = true });
});

Task("Codegen-Check").IsDependentOn("Build").Does(() =>
{
    var before = GeneratedFiles();
    WriteGeneratedCode();
    var after = GeneratedFiles();
    var changed = before.Keys.Union(after.Keys)
        .Where(file => !before.TryGetValue(file, out var old) || !after.TryGetValue(file, out var now) || old != now)
        .OrderBy(file => file)
        .ToList();
    if (changed.Count > 0)
    {
        throw new Exception($"Wolverine's generated code was stale ({string.Join(", ", changed)}); it has been rewritten: build again and commit {generatedCode}.");
    }
    Information("Wolverine's generated code is up to date ({0} files)", after.Count);
});

Task("Migrate").IsDependentOn("Db").IsDependentOn("Build").Does(() =>
    RunHost("-- migrate", new Dictionary<string, string> { ["ConnectionStrings__Smart"] = DatabaseUrl() }));

// The platform sends real e-mails (dunning): in development to smtp4dev, a local SMTP server (a local dotnet tool) that
// keeps them in memory and shows them in its web UI. The host's Development settings send to its port 2525.
Task("Run").IsDependentOn("Db").IsDependentOn("Build").Does(() =>
{
    // In memory, without its IMAP and POP3 servers (their default ports are system ports).
    using var smtp4dev = System.Diagnostics.Process.Start("dotnet",
        "tool run smtp4dev --urls=http://localhost:5081 --smtpport=2525 --db=\"\" --imapport=\"\" --pop3port=\"\"");
    try
    {
        Information("Swagger UI: http://localhost:5080/swagger; e-mails sent: http://localhost:5081 (smtp4dev)");
        RunHost("", new Dictionary<string, string>
        {
            ["ConnectionStrings__Smart"] = DatabaseUrl(),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://localhost:5080",
        });
    }
    finally
    {
        // `dotnet tool run` starts smtp4dev as a child process: stop both.
        smtp4dev.Kill(entireProcessTree: true);
    }
});

Task("Test").IsDependentOn("Db").IsDependentOn("Codegen-Check").Does(() =>
{
    CleanDirectory(testResults);
    var testExitCode = 0;
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        Loggers = { "trx" },
        ResultsDirectory = testResults,
        EnvironmentVariables = { ["SMART_TEST_DB"] = ServerUrl() },
        // Keep going on failures: the counts below are what CI reads.
        HandleExitCode = exitCode => { testExitCode = exitCode; return true; },
    });

    // The counts come from the TRX files (one per test project), not from dotnet test's console summary.
    XNamespace trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    var files = GetFiles($"{testResults.Path.FullPath}/**/*.trx");
    int passed = 0, failed = 0, skipped = 0, total = 0;
    foreach (var file in files)
    {
        var summary = XDocument.Load(file.FullPath).Descendants(trx + "ResultSummary").Single();
        var counters = summary.Element(trx + "Counters");
        int Count(string name) => int.Parse(counters?.Attribute(name)?.Value ?? "0");
        var fileFailed = Count("failed") + Count("error") + Count("timeout") + Count("aborted");
        // A test host that crashed leaves a run marked Failed with zero counts: count it as one failure.
        var outcome = summary.Attribute("outcome")?.Value ?? "";
        if (fileFailed == 0 && (outcome == "Failed" || outcome == "Aborted" || outcome == "Error"))
        {
            Warning("{0}: the test run ended {1} with no failed test recorded (test host crash?); counted as 1 failure", file.GetFilename(), outcome);
            fileFailed = 1;
        }
        passed += Count("passed");
        failed += fileFailed;
        // Skipped tests: the TRX logger counts them in total but not in executed, and leaves notExecuted at 0.
        var notExecuted = counters?.Attribute("executed") is null ? 0 : Count("total") - Count("executed");
        skipped += Math.Max(Count("notExecuted"), notExecuted);
        total += Count("total");
    }
    testSummary = $"{passed} passed, {failed} failed, {skipped} skipped";
    System.IO.File.WriteAllText(testResults.Path.CombineWithFilePath("summary.txt").FullPath, testSummary + "\n");
    Information("{0} TRX file(s) in {1}, {2} test(s) in total", files.Count, testResults.Path.FullPath, total);

    if (failed > 0) throw new Exception($"{failed} test(s) failed.");
    if (testExitCode != 0) throw new Exception($"dotnet test exited with code {testExitCode}.");
    if (passed + failed == 0) throw new Exception("No test ran.");
});

Task("Bench").IsDependentOn("Db").Does(() =>
{
    var arguments = $"{Argument("samples", "")} {Argument("bench-args", "")}".Trim();
    // The physical limit first, on the same cluster in the same run: our throughputs read against it.
    Information("pgbench on the same cluster (-i -s 10, then -c 4 -T 20):");
    var exitCode = StartProcess("bash", new ProcessSettings { Arguments = "scripts/db.sh pgbench", RedirectStandardOutput = true }, out var output);
    if (exitCode != 0) throw new Exception($"scripts/db.sh pgbench failed (exit code {exitCode})");
    var report = output.ToList(); // read once: the process's output is not enumerable twice
    foreach (var line in report) Information(line);
    // "tps = 3205.473096 (without initial connection time)": each of our throughputs is printed as a share of it.
    var tps = report.Select(line => line.Trim()).Where(line => line.StartsWith("tps = ")).Select(line => line.Split(' ')[2]).LastOrDefault()
        ?? throw new Exception("pgbench printed no TPS.");
    Information("Benchmarks (Release), SMART_TEST_DB={0}, arguments: {1}", ServerUrl(), arguments);
    DotNetRun(bench, arguments, new DotNetRunSettings
    {
        Configuration = "Release",
        EnvironmentVariables = { ["SMART_TEST_DB"] = ServerUrl(), ["SMART_PGBENCH_TPS"] = tps },
    });
});

try
{
    RunTarget(target);
}
catch (Exception ex) when (testSummary is not null)
{
    // The Test target failed after counting: report it, then end with the counts and a non-zero exit code.
    Error(ex.Message);
    Console.WriteLine(testSummary);
    Environment.Exit(1);
}
if (testSummary is not null) Console.WriteLine(testSummary);
