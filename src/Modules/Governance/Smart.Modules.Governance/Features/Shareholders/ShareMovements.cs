using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Assemblies;
using Smart.Modules.Governance.Domain.Shareholding;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Shareholders;

public sealed record SubscriptionInput(int Shares, DateOnly SubscribedOn)
{
    internal sealed class Validator : AbstractValidator<SubscriptionInput>
    {
        public Validator()
        {
            RuleFor(s => s.Shares).InclusiveBetween(1, 1_000_000);
            RuleFor(s => s.SubscribedOn).IsBusinessDate();
        }
    }
}

/// <summary>A payment of subscribed capital (an instalment when the rules allow several).</summary>
public sealed record SharePaymentInput(decimal Amount, DateOnly PaidOn, string? Reference)
{
    internal sealed class Validator : AbstractValidator<SharePaymentInput>
    {
        public Validator()
        {
            RuleFor(p => p.Amount).GreaterThan(0).LessThanOrEqualTo(100_000_000m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(p => p.PaidOn).IsBusinessDate();
            RuleFor(p => p.Reference).MaximumLength(140);
        }
    }
}

public sealed record ExitInput(DateOnly ExitedOn, string Reason)
{
    internal sealed class Validator : AbstractValidator<ExitInput>
    {
        public Validator()
        {
            RuleFor(x => x.ExitedOn).IsBusinessDate();
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(500);
        }
    }
}

/// <summary>Capital given back to a shareholder who left, after <see cref="AssemblyId"/> approved the accounts.</summary>
public sealed record RefundInput(decimal Amount, DateOnly RefundedOn, Guid AssemblyId)
{
    internal sealed class Validator : AbstractValidator<RefundInput>
    {
        public Validator()
        {
            RuleFor(r => r.Amount).GreaterThan(0).LessThanOrEqualTo(100_000_000m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(r => r.RefundedOn).IsBusinessDate();
            RuleFor(r => r.AssemblyId).NotEmpty();
        }
    }
}

public sealed record SubscribeShares(Guid ShareholderId, SubscriptionInput Subscription);

public sealed record PayShares(Guid ShareholderId, SharePaymentInput Payment);

public sealed record RecordExit(Guid ShareholderId, ExitInput Exit);

public sealed record RefundShares(Guid ShareholderId, RefundInput Refund);

/// <summary>Each movement is appended and, when it moves capital or is an exit, published (<see cref="ShareMovementRecorded"/>) with it.</summary>
public sealed class ShareMovementsHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<(ShareholderView, OutgoingMessages)> HandleAsync(SubscribeShares command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, shareholder) = await session.FetchShareholderForWritingAsync(command.ShareholderId, user, cancellationToken);
        var input = command.Subscription;
        var rules = await session.GovernanceRulesOnAsync(shareholder.EntityId, input.SubscribedOn, cancellationToken);
        return await AppendAsync(session, stream, shareholder, shareholder.Subscribe(input.Shares, input.SubscribedOn, rules, clock.Today()), cancellationToken);
    }

    public async Task<(ShareholderView, OutgoingMessages)> HandleAsync(PayShares command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, shareholder) = await session.FetchShareholderForWritingAsync(command.ShareholderId, user, cancellationToken);
        var input = command.Payment;
        return await AppendAsync(session, stream, shareholder, shareholder.Pay(input.Amount, input.PaidOn, input.Reference?.Trim(), clock.Today()), cancellationToken);
    }

    public async Task<(ShareholderView, OutgoingMessages)> HandleAsync(RecordExit command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, shareholder) = await session.FetchShareholderForWritingAsync(command.ShareholderId, user, cancellationToken);
        return await AppendAsync(session, stream, shareholder, shareholder.Exit(command.Exit.ExitedOn, command.Exit.Reason.Trim(), clock.Today()), cancellationToken);
    }

    public async Task<(ShareholderView, OutgoingMessages)> HandleAsync(RefundShares command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, shareholder) = await session.FetchShareholderForWritingAsync(command.ShareholderId, user, cancellationToken);
        var input = command.Refund;
        var assembly = await session.Query<Assembly>().SingleOrDefaultAsync(a => a.Id == input.AssemblyId && a.EntityId == shareholder.EntityId, cancellationToken)
            ?? throw new NotFoundException("Assembly", input.AssemblyId);
        return await AppendAsync(session, stream, shareholder, shareholder.Refund(input.Amount, input.RefundedOn, assembly.Id, assembly.AccountsApprovedOn, clock.Today()),
            cancellationToken);
    }

    private static async Task<(ShareholderView, OutgoingMessages)> AppendAsync(IDocumentSession session, JasperFx.Events.IEventStream<Shareholder> stream,
        Shareholder shareholder, IRegisterEvent movement, CancellationToken cancellationToken)
    {
        stream.AppendOne(movement);
        var after = shareholder.After(movement);
        return (ShareholderView.From(after, null), await session.PublishedMovementsAsync([(after, movement)], cancellationToken));
    }
}

internal static class ShareMovementPublications
{
    /// <summary>The movements that move capital, each with the state after it and its college under the entity's rules on its date.</summary>
    public static async Task<OutgoingMessages> PublishedMovementsAsync(this IQuerySession session, IEnumerable<(Shareholder After, IRegisterEvent Movement)> movements,
        CancellationToken cancellationToken)
    {
        var moving = movements.Where(m => IsPublished(m.Movement)).ToList();
        if (moving.Count == 0) return new OutgoingMessages();
        var rules = await session.LoadAsync<GovernanceRules>(moving[0].After.EntityId, cancellationToken);
        return PublishedMovements(moving, rules);
    }

    /// <summary>
    /// The translation itself, for the handlers above and the demo seed (which holds the rules it has just stored): the
    /// movements that move capital and the exits as <see cref="ShareMovementRecorded"/>, in order.
    /// </summary>
    public static OutgoingMessages PublishedMovements(IEnumerable<(Shareholder After, IRegisterEvent Movement)> movements, GovernanceRules? rules)
    {
        var outgoing = new OutgoingMessages();
        foreach (var (after, movement) in movements.Where(m => IsPublished(m.Movement)))
        {
            var inForce = (rules ?? throw InForce.Missing("governance rules", movement.Date)).On(movement.Date);
            outgoing.Add(after.Published(movement, inForce.CollegeOf(after.Category))!);
        }
        return outgoing;
    }

    /// <summary>Each movement of a register stream after its admission, with the state right after it (several may share a date).</summary>
    public static IEnumerable<(Shareholder After, IRegisterEvent Movement)> AfterEach(IReadOnlyList<IRegisterEvent> stream)
    {
        var state = Shareholder.Admitted((ShareholderAdmitted)stream[0]);
        foreach (var movement in stream.Skip(1))
        {
            state = state.After(movement);
            yield return (state, movement);
        }
    }

    private static bool IsPublished(IRegisterEvent movement) => movement is SharesSubscribed or SharesPaid or SharesRefunded or ShareholderExited;
}

public static class ShareMovementsEndpoints
{
    [WolverinePost("/api/governance/shareholders/{shareholderId:guid}/subscriptions", OperationId = "SubscribeShares"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Records more shares subscribed at the nominal value in force (admins).")]
    public static async Task<Ok<ShareholderView>> Subscribe(Guid shareholderId, SubscriptionInput subscription, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ShareholderView>(new SubscribeShares(shareholderId, subscription), ct));

    [WolverinePost("/api/governance/shareholders/{shareholderId:guid}/payments", OperationId = "PayShares"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Records a payment of subscribed capital: at most what is unpaid, at least the instalment (operators).")]
    public static async Task<Ok<ShareholderView>> Pay(Guid shareholderId, SharePaymentInput payment, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ShareholderView>(new PayShares(shareholderId, payment), ct));

    [WolverinePost("/api/governance/shareholders/{shareholderId:guid}/exit", OperationId = "RecordShareholderExit"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Records a shareholder's exit: no voting right from that day (admins).")]
    public static async Task<Ok<ShareholderView>> Exit(Guid shareholderId, ExitInput exit, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ShareholderView>(new RecordExit(shareholderId, exit), ct));

    [WolverinePost("/api/governance/shareholders/{shareholderId:guid}/refunds", OperationId = "RefundShares"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Refunds paid capital to a shareholder who left, after the assembly approving the accounts; never more than was paid (operators).")]
    public static async Task<Ok<ShareholderView>> Refund(Guid shareholderId, RefundInput refund, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ShareholderView>(new RefundShares(shareholderId, refund), ct));
}
