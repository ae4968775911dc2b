using FluentValidation;
using Marten;
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

/// <summary>
/// A shareholder gives their proxy for an assembly to another shareholder, who then votes for them; a holder holds at
/// most the configured number. A member gives their own; staff record a proxy received on paper (<see cref="GiverId"/>).
/// </summary>
public sealed record ProxyInput(Guid HolderId, Guid? GiverId)
{
    internal sealed class Validator : AbstractValidator<ProxyInput>
    {
        public Validator()
        {
            RuleFor(p => p.HolderId).NotEmpty();
            RuleFor(p => p.GiverId).NotEqual(Guid.Empty);
        }
    }
}

public sealed record GiveProxy(Guid AssemblyId, ProxyInput Proxy);

public sealed record ProxyView(Guid AssemblyId, Guid GiverId, Guid HolderId, int HeldByHolder);

public sealed class GiveProxyHandler(ICurrentUser user)
{
    public async Task<ProxyView> HandleAsync(GiveProxy command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var assembly = await session.LoadVisibleAssemblyAsync(command.AssemblyId, user, cancellationToken);
        assembly.CheckOpenForVotes();
        var giver = command.Proxy.GiverId is { } giverId && user.IsStaff()
            ? await session.LoadShareholderOfAsync(assembly, giverId, cancellationToken)
            : await session.CallerShareholderAsync(assembly, user, cancellationToken);
        var holder = await session.LoadShareholderOfAsync(assembly, command.Proxy.HolderId, cancellationToken);
        var rules = await session.GovernanceRulesOnAsync(assembly.EntityId, assembly.Date, cancellationToken);
        var gaveAlready = await session.Query<ProxyHolding>().AnyAsync(h => h.AssemblyId == assembly.Id && h.Givers.Contains(giver.Id), cancellationToken);
        var voted = await session.Query<Participation>().AnyAsync(p => p.AssemblyId == assembly.Id && p.ShareholderId == giver.Id, cancellationToken);
        ProxyRules.Check(assembly, giver, holder, gaveAlready, voted);

        var holding = await session.LoadAsync<ProxyHolding>(ProxyHolding.IdOf(assembly.Id, holder.Id), cancellationToken);
        if (holding is null)
        {
            holding = ProxyHolding.Of(assembly.Id, holder.Id);
            holding.Take(giver.Id, rules.MaxProxiesPerHolder);
            session.Insert(holding);
        }
        else
        {
            holding.Take(giver.Id, rules.MaxProxiesPerHolder);
            // Two proxies given to one holder at once: the second save fails (stale revision, 409), so the maximum holds.
            session.UpdateRevision(holding, holding.Version + 1);
        }
        return new ProxyView(assembly.Id, giver.Id, holder.Id, holding.Givers.Count);
    }
}

internal static class ProxyRules
{
    public static void Check(Assembly assembly, Shareholder giver, Shareholder holder, bool gaveAlready, bool voted)
    {
        BusinessRules.Check(new NotToOneself(giver.Id == holder.Id));
        BusinessRules.Check(new BothVote(giver.HasVotingRightOn(assembly.Date) && holder.HasVotingRightOn(assembly.Date)));
        BusinessRules.Check(new OneProxyPerGiver(gaveAlready));
        BusinessRules.Check(new NotAfterVoting(voted));
    }

    private sealed record NotToOneself(bool Same) : IBusinessRule
    {
        public bool IsBroken() => Same;

        public string Message => "A shareholder cannot give a proxy to themself.";
    }

    private sealed record BothVote(bool Both) : IBusinessRule
    {
        public bool IsBroken() => !Both;

        public string Message => "Proxies pass between shareholders holding a voting right on the assembly's day.";
    }

    private sealed record OneProxyPerGiver(bool Gave) : IBusinessRule
    {
        public bool IsBroken() => Gave;

        public string Message => "This shareholder already gave a proxy for this assembly.";
    }

    private sealed record NotAfterVoting(bool Voted) : IBusinessRule
    {
        public bool IsBroken() => Voted;

        public string Message => "This shareholder already voted: a proxy can no longer be given.";
    }
}

public static class GiveProxyEndpoint
{
    [WolverinePost("/api/governance/assemblies/{assemblyId:guid}/proxies", OperationId = "GiveProxy"), ProducesCommandProblems]
    [EndpointSummary("Gives the caller's proxy for the assembly to another shareholder, within the configured maximum per holder; staff may record a giver's proxy.")]
    public static async Task<Ok<ProxyView>> Post(Guid assemblyId, ProxyInput proxy, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ProxyView>(new GiveProxy(assemblyId, proxy), ct));
}
