using System.Net.Sockets;
using Npgsql;

namespace Smart.BuildingBlocks.Persistence;

/// <summary>
/// Tells a database outage (server down, restarting, unreachable, not answering in time) from every other failure,
/// so that the API answers 503 with Retry-After, and /health reports Unhealthy, instead of a 500.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>
    /// Whether the exception, or any exception it wraps (EF Core's DbUpdateException and "likely due to a transient
    /// failure" InvalidOperationException, RetryLimitExceededException, AggregateException…), says the database could
    /// not be reached or was shutting down or starting up.
    /// </summary>
    public static bool Is(Exception exception) => exception switch
    {
        PostgresException postgres => IsOutage(postgres.SqlState),
        // Npgsql's own failures: the socket was refused, reset or closed, or the server did not answer in time
        // (connecting, waiting for a pooled connection, or reading).
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        { InnerException: { } inner } => Is(inner),
        _ => false,
    };

    private static bool IsOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exception class
        || sqlState is PostgresErrorCodes.AdminShutdown // 57P01: the server is shutting down
            or PostgresErrorCodes.CrashShutdown // 57P02: another server process crashed
            or PostgresErrorCodes.CannotConnectNow // 57P03: the server is starting up
            or PostgresErrorCodes.TooManyConnections; // 53300: every server slot taken, e.g. while clients reconnect after a restart
}
