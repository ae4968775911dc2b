using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Assemblies;
using Smart.Modules.Governance.Domain.Shareholding;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Assemblies;

/// <summary>An electronic ballot on a resolution: the caller's own, or for a giver whose proxy they hold (<see cref="OnBehalfOf"/>).</summary>
public sealed record BallotInput(Choice Choice, Guid? OnBehalfOf)
{
    internal sealed class Validator : AbstractValidator<BallotInput>
    {
        public Validator()
        {
            RuleFor(b => b.Choice).IsInEnum();
            RuleFor(b => b.OnBehalfOf).NotEqual(Guid.Empty);
        }
    }
}

/// <summary>A ballot recorded by staff at the meeting, for a shareholder present (or their proxy holder, <see cref="CastBy"/>).</summary>
public sealed record InPersonBallotInput(Guid ResolutionId, Guid ShareholderId, Choice Choice, Guid? CastBy)
{
    internal sealed class Validator : AbstractValidator<InPersonBallotInput>
    {
        public Validator()
        {
            RuleFor(b => b.ResolutionId).NotEmpty();
            RuleFor(b => b.ShareholderId).NotEmpty();
            RuleFor(b => b.Choice).IsInEnum();
            RuleFor(b => b.CastBy).NotEqual(Guid.Empty);
        }
    }
}

public sealed record CastBallot(Guid AssemblyId, Guid ResolutionId, BallotInput Ballot);

public sealed record RecordInPersonBallot(Guid AssemblyId, InPersonBallotInput Ballot);

/// <summary>
/// The receipt is shown once: it verifies the ballot (<c>GET …/receipts/{receipt}</c>) and is stored only as a hash; a
/// ballot cast again replaces the previous one, whose receipt then verifies as replaced.
/// </summary>
public sealed record BallotReceipt(Guid AssemblyId, Guid ResolutionId, string Receipt, bool Replaced);

public sealed class CastBallotHandler(ICurrentUser user)
{
    public async Task<BallotReceipt> HandleAsync(CastBallot command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var assembly = await session.LoadVisibleAssemblyAsync(command.AssemblyId, user, cancellationToken);
        var voter = await session.CallerShareholderAsync(assembly, user, cancellationToken);
        var subject = command.Ballot.OnBehalfOf is { } giverId && giverId != voter.Id ? await session.LoadShareholderOfAsync(assembly, giverId, cancellationToken) : voter;
        return await BallotBox.CastAsync(session, assembly, command.ResolutionId, voter, subject, command.Ballot.Choice, VoteChannel.Electronic, cancellationToken);
    }

    public async Task<BallotReceipt> HandleAsync(RecordInPersonBallot command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var assembly = await session.LoadVisibleAssemblyAsync(command.AssemblyId, user, cancellationToken);
        var input = command.Ballot;
        var subject = await session.LoadShareholderOfAsync(assembly, input.ShareholderId, cancellationToken);
        var voter = input.CastBy is { } holderId && holderId != subject.Id ? await session.LoadShareholderOfAsync(assembly, holderId, cancellationToken) : subject;
        return await BallotBox.CastAsync(session, assembly, input.ResolutionId, voter, subject, input.Choice, VoteChannel.InPerson, cancellationToken);
    }
}

/// <summary>
/// Records who voted (<see cref="Participation"/>) and, apart, what (the ballot's stream, keyed by a hash only the open
/// ballot box can compute), in one transaction.
/// </summary>
internal static class BallotBox
{
    public static async Task<BallotReceipt> CastAsync(IDocumentSession session, Assembly assembly, Guid resolutionId, Shareholder voter, Shareholder subject, Choice choice,
        VoteChannel channel, CancellationToken cancellationToken)
    {
        var resolution = assembly.Resolution(resolutionId);
        var holding = voter.Id == subject.Id ? null : await session.LoadAsync<ProxyHolding>(ProxyHolding.IdOf(assembly.Id, voter.Id), cancellationToken);
        var gaveAProxy = voter.Id == subject.Id
            && await session.Query<ProxyHolding>().AnyAsync(h => h.AssemblyId == assembly.Id && h.Givers.Contains(subject.Id), cancellationToken);
        var previous = await session.LoadAsync<Participation>(Participation.IdOf(resolution.Id, subject.Id), cancellationToken);
        VotingRules.CheckBallot(assembly, voter, subject, holding, gaveAProxy, previous, channel);

        var key = await session.LoadAsync<BallotBoxKey>(assembly.Id, cancellationToken) ?? throw new InvalidOperationException($"Assembly {assembly.Id} has no ballot box key.");
        var rules = await session.GovernanceRulesOnAsync(assembly.EntityId, assembly.Date, cancellationToken);
        var receipt = Receipt.New();
        var cast = new BallotCast(assembly.Id, resolution.Id, rules.CollegeOf(subject.Category), choice, Receipt.Hash(receipt));
        var ballotId = key.BallotIdOf(resolution.Id, subject.Id);
        if (previous is null)
        {
            // A first ballot starts its stream: a concurrent first ballot of the same voter collides (409).
            session.Events.StartStream<Ballot>(ballotId, cast);
            session.Insert(new Participation(Participation.IdOf(resolution.Id, subject.Id), assembly.Id, resolution.Id, subject.Id, channel, voter.Id));
        }
        else
        {
            var stream = await session.Events.FetchForWriting<Ballot>(ballotId, cancellationToken);
            stream.AppendOne(cast);
            session.Store(previous with { CastBy = voter.Id });
        }
        return new BallotReceipt(assembly.Id, resolution.Id, receipt, previous is not null);
    }
}

public static class CastBallotEndpoints
{
    [WolverinePut("/api/governance/assemblies/{assemblyId:guid}/resolutions/{resolutionId:guid}/ballot", OperationId = "CastBallot"), ProducesCommandProblems]
    [EndpointSummary("Casts (or replaces, until the close) the caller's secret ballot on a resolution, or a giver's whose proxy the caller holds; returns the receipt once.")]
    public static async Task<Ok<BallotReceipt>> Put(Guid assemblyId, Guid resolutionId, BallotInput ballot, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<BallotReceipt>(new CastBallot(assemblyId, resolutionId, ballot), ct));

    [WolverinePost("/api/governance/assemblies/{assemblyId:guid}/in-person-ballots", OperationId = "RecordInPersonBallot"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("Records a ballot cast at the meeting by a shareholder present or their proxy holder, once (staff); returns the receipt to hand over.")]
    public static async Task<Ok<BallotReceipt>> PostInPerson(Guid assemblyId, InPersonBallotInput ballot, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<BallotReceipt>(new RecordInPersonBallot(assemblyId, ballot), ct));
}
