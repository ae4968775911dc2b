// Smart's build: `dotnet tool restore` once, then `dotnet cake --target=<Target>`.
// Run = local PostgreSQL + migrations + demo data + Swagger UI; Test = every test against a real PostgreSQL.
using System.Xml.Linq;

var target = Argument("target", "Build");
var configuration = Argument("configuration", "Debug");
var port = EnvironmentVariable("SMART_PG_PORT") ?? "55432";
var solution = "./Smart.sln";
var host = "./src/Host/Smart.Host/Smart.Host.csproj";
var testResults = Directory("./artifacts/test-results");

string Database(string name) => $"Host=127.0.0.1;Port={port};Username=postgres" + (name is null ? "" : $";Database={name}");

void Db(string command)
{
    var exit = StartProcess("bash", new ProcessSettings { Arguments = $"scripts/db.sh {command}" });
    if (exit != 0) throw new Exception($"scripts/db.sh {command} failed ({exit})");
}

Task("Clean").Does(() =>
{
    CleanDirectories("./src/**/bin/" + configuration);
    CleanDirectories("./tests/**/bin/" + configuration);
    CleanDirectories("./artifacts");
});

Task("Restore").Does(() => DotNetRestore(solution));

Task("Build").IsDependentOn("Restore").Does(() =>
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

Task("Db").Does(() => Db("start"));

Task("Db-Stop").Does(() => Db("stop"));

Task("Migrate").IsDependentOn("Db").IsDependentOn("Build").Does(() =>
    DotNetRun(host, "migrate", new DotNetRunSettings
    {
        Configuration = configuration,
        NoBuild = true,
        EnvironmentVariables = { ["ConnectionStrings__Smart"] = Database("smart") },
    }));

Task("Run").IsDependentOn("Db").IsDependentOn("Build").Does(() =>
{
    Information("Swagger UI: http://localhost:5080/swagger   (demo accounts in README.md)");
    DotNetRun(host, new DotNetRunSettings
    {
        Configuration = configuration,
        NoBuild = true,
        EnvironmentVariables =
        {
            ["ConnectionStrings__Smart"] = Database("smart"),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://localhost:5080",
        },
    });
});

Task("Test").IsDependentOn("Db").IsDependentOn("Build").Does(() =>
{
    CleanDirectory(testResults);
    Exception failure = null;
    // One run per test project, each with its own TRX file (a shared default name can collide within a second).
    foreach (var project in GetFiles("./tests/**/*.csproj"))
    {
        try
        {
            DotNetTest(project.FullPath, new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                NoRestore = true,
                Loggers = { $"trx;LogFileName={project.GetFilenameWithoutExtension()}.trx", "console;verbosity=minimal" },
                ResultsDirectory = testResults,
                EnvironmentVariables = { ["SMART_TEST_DB"] = Database(null) },
            });
        }
        catch (Exception ex)
        {
            failure ??= ex;
        }
    }
    // CI reads the last line: the counts come from the TRX files, not from dotnet test's own summary.
    XNamespace trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    int passed = 0, failed = 0, skipped = 0;
    foreach (var file in GetFiles(testResults.Path.FullPath + "/*.trx"))
    {
        var counters = XDocument.Load(file.FullPath).Descendants(trx + "Counters").Single();
        int Count(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0");
        passed += Count("passed");
        failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
        skipped += Count("notExecuted");
    }
    var summary = $"{passed} passed, {failed} failed, {skipped} skipped";
    System.IO.File.WriteAllText(testResults.Path.CombineWithFilePath("summary.txt").FullPath, summary + "\n");
    Console.WriteLine(summary);
    if (failure is not null || failed > 0) throw new Exception("Tests failed.", failure);
    if (passed == 0) throw new Exception("No test ran.");
});

Task("Bench").IsDependentOn("Db").Does(() =>
    DotNetRun("./bench/Smart.Benchmarks/Smart.Benchmarks.csproj", Argument("samples", "500"), new DotNetRunSettings
    {
        Configuration = "Release",
        EnvironmentVariables = { ["SMART_TEST_DB"] = Database(null) },
    }));

RunTarget(target);
