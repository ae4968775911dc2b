using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.Credits;

public sealed record CreditRefundInput(decimal Amount, string? Reference)
{
    internal sealed class Validator : AbstractValidator<CreditRefundInput>
    {
        public Validator()
        {
            RuleFor(r => r.Amount).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(r => r.Reference).MaximumLength(140);
        }
    }
}

public sealed record CreditApplicationInput(Guid ToReceivableId, decimal Amount)
{
    internal sealed class Validator : AbstractValidator<CreditApplicationInput>
    {
        public Validator()
        {
            RuleFor(a => a.ToReceivableId).NotEmpty();
            RuleFor(a => a.Amount).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        }
    }
}

/// <summary>Operators pay back (part of) the client's credit on a receivable (what it paid beyond the invoice).</summary>
public sealed record RefundClientCredit(Guid ReceivableId, CreditRefundInput Refund)
{
    internal sealed class Validator : AbstractValidator<RefundClientCredit>
    {
        public Validator()
        {
            RuleFor(c => c.ReceivableId).NotEmpty();
            RuleFor(c => c.Refund).NotNull().SetValidator(new CreditRefundInput.Validator());
        }
    }
}

/// <summary>Operators use (part of) the client's credit on a receivable to pay another invoice of the same client.</summary>
public sealed record ApplyClientCredit(Guid ReceivableId, CreditApplicationInput Application)
{
    internal sealed class Validator : AbstractValidator<ApplyClientCredit>
    {
        public Validator()
        {
            RuleFor(c => c.ReceivableId).NotEmpty();
            RuleFor(c => c.Application).NotNull().SetValidator(new CreditApplicationInput.Validator());
        }
    }
}

public sealed class ClientCreditsHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<ReceivableView> HandleAsync(RefundClientCredit command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, receivable) = await session.FetchVisibleForWritingAsync(command.ReceivableId, user, cancellationToken);
        var refunded = receivable.RefundCredit(command.Refund.Amount, command.Refund.Reference?.Trim(), clock.Today());
        stream.AppendOne(refunded);
        return ReceivableView.From(receivable.After([refunded]));
    }

    /// <summary>Both streams change in one transaction; the invoice paid by the credit may be settled (InvoicePaid).</summary>
    public async Task<(ReceivableView, OutgoingMessages)> HandleAsync(ApplyClientCredit command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (source, from) = await session.FetchVisibleForWritingAsync(command.ReceivableId, user, cancellationToken);
        var (target, to) = await session.FetchVisibleForWritingAsync(command.Application.ToReceivableId, user, cancellationToken);
        var (given, received) = from.ApplyCredit(to, command.Application.Amount, clock.Today());
        source.AppendOne(given);
        target.AppendMany(received);
        return (ReceivableView.From(from.After([given])), ReceivablePublications.Published(to.After(received), received));
    }
}

public static class ClientCreditsEndpoints
{
    [WolverinePost("/api/collections/receivables/{receivableId:guid}/credit/refund", OperationId = "RefundClientCredit"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Pays back (part of) the client's credit on a receivable (operators): what it paid beyond the invoice.")]
    public static async Task<Ok<ReceivableView>> Refund(Guid receivableId, CreditRefundInput refund, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReceivableView>(new RefundClientCredit(receivableId, refund), ct));

    [WolverinePost("/api/collections/receivables/{receivableId:guid}/credit/application", OperationId = "ApplyClientCredit"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Uses (part of) the client's credit on a receivable to pay another invoice of the same client (operators); answers the receivable that gave it.")]
    public static async Task<Ok<ReceivableView>> Apply(Guid receivableId, CreditApplicationInput application, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReceivableView>(new ApplyClientCredit(receivableId, application), ct));
}
