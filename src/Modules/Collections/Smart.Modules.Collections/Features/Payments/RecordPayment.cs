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
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.Payments;

/// <summary>A payment received from the client, VAT included, in an ISO 4217 currency.</summary>
public sealed record PaymentInput(decimal Amount, string Currency, DateOnly PaidOn, string? Reference)
{
    /// <summary>The currencies the group's entities invoice or are paid in.</summary>
    public static readonly IReadOnlyList<string> KnownCurrencies = ["EUR", "CHF", "GBP", "USD"];

    internal sealed class Validator : AbstractValidator<PaymentInput>
    {
        public Validator()
        {
            RuleFor(p => p.Amount).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(p => p.Currency).NotEmpty().Must(c => KnownCurrencies.Contains(c)).WithMessage($"One of {string.Join(", ", KnownCurrencies)}.");
            RuleFor(p => p.PaidOn).IsBusinessDate();
            RuleFor(p => p.Reference).MaximumLength(140);
        }
    }
}

/// <summary>Staff record a client's payment on a receivable: full or partial; beyond what is due it is the client's credit.</summary>
public sealed record RecordPayment(Guid ReceivableId, PaymentInput Payment)
{
    internal sealed class Validator : AbstractValidator<RecordPayment>
    {
        public Validator()
        {
            RuleFor(c => c.ReceivableId).NotEmpty();
            RuleFor(c => c.Payment).NotNull().SetValidator(new PaymentInput.Validator());
        }
    }
}

public sealed class RecordPaymentHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The receivable after the payment; <c>InvoicePaid</c> goes with the transaction when the payment settled it.</summary>
    public async Task<(ReceivableView, OutgoingMessages)> HandleAsync(RecordPayment command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, receivable) = await session.FetchVisibleForWritingAsync(command.ReceivableId, user, cancellationToken);
        var input = command.Payment;
        var events = receivable.RecordPayment(new PaymentRecorded(Guid.CreateVersion7(), input.PaidOn, input.Amount, input.Reference?.Trim()),
            input.Currency, clock.Today());
        stream.AppendMany(events);
        var after = receivable.After(events);
        return (ReceivableView.From(after), ReceivablePublications.Published(after, events));
    }
}

public static class RecordPaymentEndpoint
{
    [WolverinePost("/api/collections/receivables/{receivableId:guid}/payments", OperationId = "RecordPayment"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Records a client's payment on a receivable (operators): full or partial; what exceeds the amount due becomes the client's credit.")]
    public static async Task<Ok<ReceivableView>> Post(Guid receivableId, PaymentInput payment, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReceivableView>(new RecordPayment(receivableId, payment), ct));
}
