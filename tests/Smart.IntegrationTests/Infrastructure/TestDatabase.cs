using Npgsql;

namespace Smart.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database per fixture on the server named by SMART_TEST_DB (the build's Test target starts
/// the project's local cluster and sets it), dropped at the end: either a name the first host creates and migrates, or
/// a copy of the migrated template (<see cref="CreateFromTemplateAsync"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("SMART_TEST_DB") ?? "Host=127.0.0.1;Port=55432;Username=postgres";

    private TestDatabase(string name, string connectionString, bool migrated = false)
    {
        Name = name;
        ConnectionString = connectionString;
        Migrated = migrated;
    }

    /// <summary>
    /// Eight connections per host: a host's start (Wolverine's agents, Reporting's daemon) opened about 35 with a pool of
    /// 40, each a new PostgreSQL backend whose start cost more of the suite's CPU than most tests (ADR 0125).
    /// </summary>
    private TestDatabase(string name)
        : this(name, new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true, MaxPoolSize = 8 }.ConnectionString)
    {
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Created as a copy of the migrated template: a host may start on it without migrating.</summary>
    public bool Migrated { get; private set; }

    /// <summary>A name only: the first host started on it creates the database and applies every schema.</summary>
    public static TestDatabase Create() => new($"smart_test_{Guid.NewGuid():N}");

    /// <summary>Creates the database as a copy of <see cref="TemplateDatabase"/>, every schema already applied.</summary>
    public async Task CreateFromTemplateAsync()
    {
        var template = await TemplateDatabase.NameAsync();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {Name} TEMPLATE {template} STRATEGY FILE_COPY", connection);
        await command.ExecuteNonQueryAsync();
        Migrated = true;
    }

    /// <summary>The same database reached through another port on this machine (e.g. a <see cref="TcpForwarder"/>); its owner stays this instance.</summary>
    public TestDatabase Through(int port) =>
        new(Name, new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = port }.ConnectionString, Migrated);

    /// <summary>
    /// The tests' own connections: unpooled, so that a test never picks up a connection that a cut (see
    /// <c>TcpForwarder</c>) left broken in the host's pool.
    /// </summary>
    public string AssertionConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString;

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(AssertionConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException($"No row: {sql}");
        }
        return typeof(T) == typeof(int) ? (T)(object)Convert.ToInt32(reader.GetValue(0)) : reader.GetFieldValue<T>(0);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
