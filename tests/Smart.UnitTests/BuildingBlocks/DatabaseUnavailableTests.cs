using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Smart.BuildingBlocks.Persistence;

namespace Smart.UnitTests.BuildingBlocks;

public sealed class DatabaseUnavailableTests
{
    private static NpgsqlException Refused() =>
        new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    private static PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    public static TheoryData<string, Exception> Outages => new()
    {
        { "connection refused", Refused() },
        { "connection reset mid-request", new NpgsqlException("Exception while reading from stream", new IOException("reset", new SocketException((int)SocketError.ConnectionReset))) },
        { "connection closed by the server", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()) },
        { "timeout while opening a connection", new NpgsqlException("Exception while connecting", new TimeoutException("Timeout during connection attempt")) },
        { "no pooled connection in time", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()) },
        { "57P01 admin_shutdown", Server(PostgresErrorCodes.AdminShutdown) },
        { "57P02 crash_shutdown", Server(PostgresErrorCodes.CrashShutdown) },
        { "57P03 cannot_connect_now (starting up)", Server(PostgresErrorCodes.CannotConnectNow) },
        { "08006 connection_failure", Server(PostgresErrorCodes.ConnectionFailure) },
        { "08001 unable to establish", Server(PostgresErrorCodes.SqlClientUnableToEstablishSqlConnection) },
        { "53300 too_many_connections", Server(PostgresErrorCodes.TooManyConnections) },
        { "EF Core transient failure", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", Refused()) },
        { "EF Core save", new DbUpdateException("An error occurred while saving the entity changes.", Server(PostgresErrorCodes.AdminShutdown)) },
        { "EF Core retries exhausted", new RetryLimitExceededException("Maximum number of retries (6) exceeded.", new InvalidOperationException("transient", Refused())) },
        { "aggregate with one outage", new AggregateException(new InvalidOperationException("other"), Refused()) },
    };

    public static TheoryData<string, Exception> OtherFailures => new()
    {
        { "unique violation", new DbUpdateException("save", Server(PostgresErrorCodes.UniqueViolation)) },
        { "serialization failure", Server(PostgresErrorCodes.SerializationFailure) },
        { "query canceled", Server(PostgresErrorCodes.QueryCanceled) },
        { "wrong password", Server(PostgresErrorCodes.InvalidPassword) },
        { "Npgsql misuse", new NpgsqlException("A command is already in progress") },
        { "client disconnected (no database involved)", new IOException("The client reset the request stream.", new SocketException((int)SocketError.ConnectionReset)) },
        { "our own bug", new InvalidOperationException("Sequence contains no elements") },
        { "aggregate without an outage", new AggregateException(new InvalidOperationException("a"), new TimeoutException("b")) },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Given_a_database_outage_however_wrapped_Then_it_is_recognised(string shape, Exception exception)
    {
        Assert.True(DatabaseUnavailable.Is(exception), shape);
    }

    [Theory]
    [MemberData(nameof(OtherFailures))]
    public void Given_any_other_failure_Then_it_is_not_an_outage(string shape, Exception exception)
    {
        Assert.False(DatabaseUnavailable.Is(exception), shape);
    }
}
