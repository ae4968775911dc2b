using Marten.Events.Daemon.Coordination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Security;
using Wolverine.Http;

namespace Smart.Modules.Reporting.Features.Reports;

/// <summary>
/// Rebuilds every read model from the journal, from its first fact: after a projection's code changed, or to prove the
/// read models hold nothing the journal does not. The running daemon does it, so no second one competes with it.
/// </summary>
public static class RebuildProjectionsEndpoint
{
    private static readonly TimeSpan ShardTimeout = TimeSpan.FromMinutes(10);

    [WolverinePost("/api/reporting/projections/rebuild", OperationId = "RebuildReportingProjections"), Authorize(SmartPolicies.PlatformAdmin)]
    [EndpointSummary("Rebuilds every read model of the reports from the journal of facts (platform admins); answers once done.")]
    public static async Task<NoContent> Post(IProjectionCoordinator<IReportingStore> coordinator, CancellationToken ct)
    {
        await RebuildAllAsync(coordinator, ct);
        return TypedResults.NoContent();
    }

    internal static async Task RebuildAllAsync(IProjectionCoordinator<IReportingStore> coordinator, CancellationToken cancellationToken)
    {
        var daemon = coordinator.DaemonForMainDatabase();
        foreach (var projection in ReportingStore.Projections())
        {
            await daemon.RebuildProjectionAsync(projection.GetType(), ShardTimeout, cancellationToken);
        }
    }
}
