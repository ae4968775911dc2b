using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.Modules.Governance.Domain.Assemblies;
using Smart.Modules.Governance.Domain.Shareholding;

namespace Smart.Modules.Governance.Features.Assemblies;

/// <summary>The shareholders an assembly's commands name: the caller's own, or one of the assembly's entity.</summary>
internal static class Voters
{
    public static bool IsStaff(this ICurrentUser user) =>
        user.IsInRole(SmartRoles.Advisor) || user.IsInRole(SmartRoles.Operator) || user.IsInRole(SmartRoles.Admin);

    /// <summary>The caller's shareholding in the assembly's entity; a caller who is not a shareholder there has nothing to vote with (404).</summary>
    public static async Task<Shareholder> CallerShareholderAsync(this IQuerySession session, Assembly assembly, ICurrentUser user, CancellationToken cancellationToken)
    {
        var memberId = user.MemberId ?? throw new NotFoundException("Shareholder", "me");
        return await session.Query<Shareholder>().SingleOrDefaultAsync(s => s.MemberId == memberId && s.EntityId == assembly.EntityId, cancellationToken)
            ?? throw new NotFoundException("Shareholder", "me");
    }

    public static async Task<Shareholder> LoadShareholderOfAsync(this IQuerySession session, Assembly assembly, Guid shareholderId, CancellationToken cancellationToken) =>
        await session.Query<Shareholder>().SingleOrDefaultAsync(s => s.Id == shareholderId && s.EntityId == assembly.EntityId, cancellationToken)
        ?? throw new NotFoundException("Shareholder", shareholderId);
}
