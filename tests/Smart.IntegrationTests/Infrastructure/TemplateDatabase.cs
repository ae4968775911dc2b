using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;

namespace Smart.IntegrationTests.Infrastructure;

/// <summary>
/// A database brought up to date once by the built host's own <c>migrate</c> command (Identity, every module, Wolverine's
/// message store), which each fixture's database copies (<c>CREATE DATABASE … TEMPLATE</c>) instead of applying every
/// schema again at its host's start (ADR 0109). Named after the host's build, so a new build gets a new template and a
/// test run on the same build reuses the one it finds.
/// </summary>
internal static class TemplateDatabase
{
    private const string Prefix = "smart_template_";

    private static readonly Lazy<Task<string>> Current = new(CreateAsync);

    /// <summary>The template's name, created on first use.</summary>
    public static Task<string> NameAsync() => Current.Value;

    private static async Task<string> CreateAsync()
    {
        var name = Prefix + BuildHash();
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await server.OpenAsync();
        // Test processes of one build (a run and a filtered run by hand) build it once between them.
        await ExecuteAsync(server, $"SELECT pg_advisory_lock(hashtext('{name}'))");
        try
        {
            if (await ExistsAsync(server, name)) return name;
            foreach (var old in await OtherTemplatesAsync(server, name))
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {old} WITH (FORCE)");
            }
            // Built under another name and renamed once complete: a template cut short by a crash is never copied.
            var building = name + "_building";
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {building} WITH (FORCE)");
            await ExecuteAsync(server, $"CREATE DATABASE {building}");
            await MigrateAsync(new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Database = building }.ConnectionString);
            // No connection may stay open on a template while it is copied; none can be opened once it is complete.
            await ExecuteAsync(server, $"ALTER DATABASE {building} RENAME TO {name}");
            await ExecuteAsync(server, $"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false");
            return name;
        }
        finally
        {
            await ExecuteAsync(server, $"SELECT pg_advisory_unlock(hashtext('{name}'))");
        }
    }

    /// <summary>The built host's <c>migrate</c> command, as the build's Migrate target runs it.</summary>
    private static async Task MigrateAsync(string connectionString)
    {
        var start = HostProcess.StartInfo(["migrate"], connectionString);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`Smart.Host migrate` exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    /// <summary>The host's build (its assembly and every Smart assembly beside it), which alone decides the schemas.</summary>
    private static string BuildHash()
    {
        var folder = Path.GetDirectoryName(HostProcess.HostAssemblyPath())!;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(folder, "Smart.*.dll").Order(StringComparer.Ordinal))
        {
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection server, string name)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", server);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Templates of earlier builds (and a build cut short), left by earlier runs.</summary>
    private static async Task<List<string>> OtherTemplatesAsync(NpgsqlConnection server, string name)
    {
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, @prefix) AND datname <> @name", server);
        command.Parameters.AddWithValue("prefix", Prefix);
        command.Parameters.AddWithValue("name", name);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
