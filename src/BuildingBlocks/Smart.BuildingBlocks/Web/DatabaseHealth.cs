using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Smart.BuildingBlocks.Persistence;

namespace Smart.BuildingBlocks.Web;

/// <summary>Configuration section <c>Smart:Database</c>: how the API behaves while the database is unreachable.</summary>
internal sealed class DatabaseOutageOptions
{
    public const string Section = "Smart:Database";

    /// <summary>The <c>Retry-After</c> seconds of a 503 while the database is unreachable.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Connect and command timeout of the /health probe, in seconds (Npgsql's default connect timeout is 15 s).</summary>
    public int HealthTimeoutSeconds { get; set; } = 2;

    internal static IServiceCollection Bind(IServiceCollection services)
    {
        services.AddOptions<DatabaseOutageOptions>().BindConfiguration(Section)
            // Npgsql reads a timeout of 0 as "wait forever": the very hang the probe exists to avoid.
            .Validate(o => o is { RetryAfterSeconds: >= 1, HealthTimeoutSeconds: >= 1 }, $"{Section}: RetryAfterSeconds and HealthTimeoutSeconds must be at least 1.")
            .ValidateOnStart();
        return services;
    }

    internal void WriteRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
}

internal sealed record HealthReport(string Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);

public static class DatabaseHealth
{
    public static IServiceCollection AddDatabaseHealth(this IServiceCollection services)
    {
        services.TryAddSingleton<DatabaseHealthProbe>();
        return DatabaseOutageOptions.Bind(services);
    }

    /// <summary>200 Healthy when the database answers <c>SELECT 1</c>; 503 Unhealthy with Retry-After while it is unreachable.</summary>
    public static RouteHandlerBuilder MapDatabaseHealth(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.MapGet(pattern, async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> (
                DatabaseHealthProbe probe, IOptions<DatabaseOutageOptions> options, HttpContext http, ILogger<DatabaseHealthProbe> logger, CancellationToken ct) =>
            {
                try
                {
                    await probe.CheckAsync(ct);
                    return TypedResults.Ok(new HealthReport("Healthy"));
                }
                catch (Exception ex) when (DatabaseUnavailable.Is(ex))
                {
                    logger.LogWarning("Health: the database is unreachable ({Reason})", ex.GetBaseException().Message);
                    options.Value.WriteRetryAfter(http.Response);
                    return TypedResults.Json(new HealthReport("Unhealthy", "The database is unreachable."), statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
}

/// <summary>
/// Its own small pool with short timeouts, so that /health answers within seconds when the database does not,
/// and does not queue behind requests for a pooled connection.
/// </summary>
internal sealed class DatabaseHealthProbe(IConfiguration configuration, IOptions<DatabaseOutageOptions> options) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(configuration.GetSmartConnectionString())
    {
        Timeout = options.Value.HealthTimeoutSeconds,
        CommandTimeout = options.Value.HealthTimeoutSeconds,
        // A server that does not answer gets no cancellation round trip: the probe's connection breaks at once.
        CancellationTimeout = -1,
        MaxPoolSize = 4,
    });

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
