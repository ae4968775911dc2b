using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace Smart.IntegrationTests.Infrastructure;

/// <summary>The real host as a separate operating-system process, so a test can kill it like a crash would.</summary>
public sealed class HostProcess : IDisposable
{
    /// <summary>Receives what host processes send, so that no e-mail waits in retries.</summary>
    private static readonly Lazy<TestSmtpServer> Mails = new(() => new TestSmtpServer());

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static HostProcess Start(TestDatabase database)
    {
        var port = FreePort();
        var start = StartInfo([], database.ConnectionString);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // A copy of the migrated template needs no migration.
        start.Environment["Smart__Database__MigrateOnStart"] = database.Migrated ? "false" : "true";
        start.Environment["Smart__Bus__ScheduledPollingInterval"] = "00:00:00.100";
        start.Environment["Smart__Mail__Host"] = "127.0.0.1";
        start.Environment["Smart__Mail__Port"] = Mails.Value.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new HostProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>The built host with <paramref name="arguments"/> on a database, its output redirected.</summary>
    internal static ProcessStartInfo StartInfo(string[] arguments, string connectionString)
    {
        var hostDll = HostAssemblyPath();
        return new ProcessStartInfo("dotnet", [hostDll, .. arguments])
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["ConnectionStrings__Smart"] = connectionString,
            },
        };
    }

    public async Task<HttpClient> WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return client;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The host did not become healthy:\n{Output}");
    }

    /// <summary>Logs in, waiting (bounded) for the demo accounts, which are seeded last, once the bus runs.</summary>
    public async Task LoginAsync(HttpClient client, string email, string password, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        HttpResponseMessage login;
        while ((login = await client.PostAsJsonAsync("/api/auth/login", new { email, password })).StatusCode == HttpStatusCode.Unauthorized)
        {
            if (DateTime.UtcNow > deadline || _process.HasExited) throw new TimeoutException($"No demo account {email}:\n{Output}");
            await Task.Delay(200);
        }
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<Token>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, exactly like a machine losing power under the process.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The host's own build output (same configuration as the tests), found from the solution root.</summary>
    internal static string HostAssemblyPath()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var path = RepositoryFolder.PathTo("src", "Host", "Smart.Host", "bin", configuration, "net10.0", "Smart.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the host first.", path);
    }

    private sealed record Token(string AccessToken);
}
