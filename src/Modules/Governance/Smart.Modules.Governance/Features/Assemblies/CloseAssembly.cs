using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Assemblies;
using Smart.Modules.Governance.Domain.Shareholding;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Assemblies;

/// <summary>Closes the votes of an assembly held on its first or second convocation and publishes its results.</summary>
public sealed record CloseInput(Convocation HeldOn)
{
    internal sealed class Validator : AbstractValidator<CloseInput>
    {
        public Validator() => RuleFor(c => c.HeldOn).IsInEnum();
    }
}

public sealed record CloseAssembly(Guid AssemblyId, CloseInput Close);

/// <summary>The published results and the same tally recomputed from the stored ballots, which must be equal.</summary>
public sealed record TallyCheck(Guid AssemblyId, AssemblyResultsView Published, AssemblyResultsView Recomputed, bool Matches);

public sealed record RecomputeTally(Guid AssemblyId);

public sealed record VerifyReceipt(Guid AssemblyId, string Receipt);

/// <summary>What a receipt proves: the ballot it was given for, its choice, and whether a later ballot of the same voter replaced it.</summary>
public sealed record ReceiptVerification(Guid AssemblyId, Guid ResolutionId, Choice Choice, bool Counted);

public sealed class CloseAssemblyHandler(ICurrentUser user)
{
    /// <summary>
    /// The ballot box key is erased with the close: from then on nothing can tell whose ballot is whose. The results are
    /// published (<see cref="AssemblyClosed"/>) with the close; a second close is refused (409), so they are published once.
    /// </summary>
    public async Task<(AssemblyResultsView, AssemblyClosed)> HandleAsync(CloseAssembly command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var assembly = await session.LoadVisibleAssemblyAsync(command.AssemblyId, user, cancellationToken);
        assembly.CheckOpenForVotes();
        var votingRights = await VotingRightsAsync(session, assembly, cancellationToken);
        var results = await Count.ResultsAsync(session, assembly, command.Close.HeldOn, votingRights, cancellationToken);
        assembly.Close(results);
        session.UpdateRevision(assembly, assembly.Version + 1);
        session.Delete<BallotBoxKey>(assembly.Id);
        var turnout = await Count.TurnoutAsync(session, assembly, cancellationToken);
        return (AssemblyResultsView.From(results), assembly.ToClosed(turnout.Electronic, turnout.ByProxy));
    }

    public async Task<TallyCheck> HandleAsync(RecomputeTally query, IQuerySession session, CancellationToken cancellationToken)
    {
        var assembly = await session.LoadVisibleAssemblyAsync(query.AssemblyId, user, cancellationToken);
        var published = assembly.Results ?? throw new BusinessRuleViolationException(new IsClosed());
        var recomputed = await Count.ResultsAsync(session, assembly, published.HeldOn, published.VotingRights, cancellationToken);
        var matches = recomputed.PresentOrRepresented == published.PresentOrRepresented && recomputed.Resolutions.SequenceEqual(published.Resolutions, TallyComparer.Instance);
        return new TallyCheck(assembly.Id, AssemblyResultsView.From(published), AssemblyResultsView.From(recomputed), matches);
    }

    /// <summary>Anyone of the entity holding a receipt may check it: the receipt is the secret, and it names no one.</summary>
    public async Task<ReceiptVerification> HandleAsync(VerifyReceipt query, IQuerySession session, CancellationToken cancellationToken)
    {
        var assembly = await session.LoadVisibleAssemblyAsync(query.AssemblyId, user, cancellationToken);
        var hash = Receipt.Hash(query.Receipt);
        var ballot = await session.Query<Ballot>().SingleOrDefaultAsync(b => b.AssemblyId == assembly.Id && b.ReceiptHash == hash, cancellationToken);
        if (ballot is not null) return new ReceiptVerification(assembly.Id, ballot.ResolutionId, ballot.Choice, Counted: true);
        var replaced = await session.Events.QueryRawEventDataOnly<BallotCast>().FirstOrDefaultAsync(c => c.AssemblyId == assembly.Id && c.ReceiptHash == hash, cancellationToken)
            ?? throw new NotFoundException("Receipt", query.Receipt);
        return new ReceiptVerification(assembly.Id, replaced.ResolutionId, replaced.Choice, Counted: false);
    }

    /// <summary>One vote per shareholder holding a share on the assembly's day, not gone before it.</summary>
    private static async Task<int> VotingRightsAsync(IQuerySession session, Assembly assembly, CancellationToken cancellationToken)
    {
        var date = assembly.Date;
        return await session.Query<Shareholder>()
            .Where(s => s.EntityId == assembly.EntityId && s.AdmittedOn <= date && s.Shares > 0 && (s.ExitedOn == null || s.ExitedOn > date))
            .CountAsync(cancellationToken);
    }

    private sealed record IsClosed : IBusinessRule
    {
        public bool IsBroken() => true;

        public string Message => "The assembly is not closed: no results were published yet.";
    }

    private sealed class TallyComparer : IEqualityComparer<ResolutionTally>
    {
        public static readonly TallyComparer Instance = new();

        public bool Equals(ResolutionTally? x, ResolutionTally? y) =>
            x is not null && y is not null && x.ResolutionId == y.ResolutionId && x.Kind == y.Kind && x.Result == y.Result && x.QuorumReached == y.QuorumReached
            && x.Adopted == y.Adopted && x.Colleges.SequenceEqual(y.Colleges);

        public int GetHashCode(ResolutionTally obj) => obj.ResolutionId.GetHashCode();
    }
}

/// <summary>
/// The count of an assembly from its stored ballots and participations: the same code publishes and recomputes. The
/// database counts (ballots grouped by resolution, college and choice; distinct participants), so a count reads a few
/// dozen rows, not every ballot.
/// </summary>
internal static class Count
{
    private const string BallotCountsSql =
        $"select jsonb_build_object('ResolutionId', data ->> 'ResolutionId', 'College', data ->> 'College', 'Choice', data ->> 'Choice', 'Ballots', count(*)) " +
        $"from {GovernanceStore.Schema}.mt_doc_ballot where CAST(data ->> 'AssemblyId' as uuid) = ? group by data ->> 'ResolutionId', data ->> 'College', data ->> 'Choice'";

    private const string PresentSql =
        $"select count(distinct data ->> 'ShareholderId')::int from {GovernanceStore.Schema}.mt_doc_participation where CAST(data ->> 'AssemblyId' as uuid) = ?";

    private const string TurnoutSql =
        $"select jsonb_build_object('Electronic', count(distinct data ->> 'ShareholderId') filter (where data ->> 'Channel' = 'Electronic'), " +
        $"'ByProxy', count(distinct data ->> 'ShareholderId') filter (where data ->> 'CastBy' <> data ->> 'ShareholderId')) " +
        $"from {GovernanceStore.Schema}.mt_doc_participation where CAST(data ->> 'AssemblyId' as uuid) = ?";

    /// <summary>Of the shareholders present or represented, how many voted electronically at least once, and how many through a proxy holder.</summary>
    public static async Task<Turnout> TurnoutAsync(IQuerySession session, Assembly assembly, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Turnout>(TurnoutSql, cancellationToken, assembly.Id)).Single();

    public sealed record Turnout(int Electronic, int ByProxy);

    public static async Task<AssemblyResults> ResultsAsync(IQuerySession session, Assembly assembly, Convocation heldOn, int votingRights, CancellationToken cancellationToken)
    {
        var present = (await session.QueryAsync<int>(PresentSql, cancellationToken, assembly.Id)).Single();
        var counts = await session.QueryAsync<BallotCount>(BallotCountsSql, cancellationToken, assembly.Id);
        var rules = await session.GovernanceRulesOnAsync(assembly.EntityId, assembly.Date, cancellationToken);
        var byResolution = counts.ToLookup(c => c.ResolutionId);
        var tallies = assembly.Resolutions.Select(r => Tally.Compute(r.Id, r.Kind, rules.Colleges,
            byResolution[r.Id].SelectMany(c => Enumerable.Repeat((c.College, c.Choice), c.Ballots)),
            Quorum.IsReached(r.Kind, heldOn, votingRights, present))).ToList();
        var date = heldOn == Convocation.First ? assembly.Date : DateOnly.FromDateTime(assembly.SecondConvocationAt.UtcDateTime);
        return new AssemblyResults(heldOn, date, votingRights, present, tallies);
    }

    private sealed record BallotCount(Guid ResolutionId, VotingCollege College, Choice Choice, int Ballots);
}

public static class CloseAssemblyEndpoints
{
    [WolverinePost("/api/governance/assemblies/{assemblyId:guid}/close", OperationId = "CloseAssembly"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Closes the votes and publishes the results: quorum on the convocation held, tally by college with empty colleges' weight shared out, adopted or rejected (admins).")]
    public static async Task<Ok<AssemblyResultsView>> Close(Guid assemblyId, CloseInput close, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<AssemblyResultsView>(new CloseAssembly(assemblyId, close), ct));

    [WolverineGet("/api/governance/assemblies/{assemblyId:guid}/tally", OperationId = "RecomputeTally"), ProducesCommandProblems]
    [EndpointSummary("Recomputes the closed assembly's tally from the stored ballots, beside the published one: they must be equal.")]
    public static async Task<Ok<TallyCheck>> Tally(Guid assemblyId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<TallyCheck>(new RecomputeTally(assemblyId), ct));

    [WolverineGet("/api/governance/assemblies/{assemblyId:guid}/receipts/{receipt}", OperationId = "VerifyReceipt"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Verifies a ballot's receipt: the resolution, the choice recorded and whether it counts (a later ballot of the same voter replaces it).")]
    public static async Task<Ok<ReceiptVerification>> Verify(Guid assemblyId, string receipt, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReceiptVerification>(new VerifyReceipt(assemblyId, receipt), ct));
}
