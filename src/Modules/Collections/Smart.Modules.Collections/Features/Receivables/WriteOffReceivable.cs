using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Collections.Contracts;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.Receivables;

public sealed record WriteOffInput(string Reason)
{
    internal sealed class Validator : AbstractValidator<WriteOffInput>
    {
        public Validator() => RuleFor(w => w.Reason).NotEmpty().MaximumLength(2000);
    }
}

/// <summary>
/// Operators write off what is left of a receivable judged unrecoverable: its plan stops, and for an activity's invoice
/// <see cref="InvoiceWrittenOff"/> is published (Activities books nothing on the member's activity: the guarantee fund
/// bears what was advanced on it).
/// </summary>
public sealed record WriteOffReceivable(Guid ReceivableId, WriteOffInput WriteOff)
{
    internal sealed class Validator : AbstractValidator<WriteOffReceivable>
    {
        public Validator()
        {
            RuleFor(c => c.ReceivableId).NotEmpty();
            RuleFor(c => c.WriteOff).NotNull().SetValidator(new WriteOffInput.Validator());
        }
    }
}

public sealed class WriteOffReceivableHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<(ReceivableView, OutgoingMessages)> HandleAsync(WriteOffReceivable command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (stream, receivable) = await session.FetchVisibleForWritingAsync(command.ReceivableId, user, cancellationToken);
        var events = receivable.WriteOff(command.WriteOff.Reason.Trim(), clock.Today());
        stream.AppendMany(events);
        var after = receivable.After(events);
        return (ReceivableView.From(after), ReceivablePublications.Published(after, events));
    }
}

public static class WriteOffReceivableEndpoint
{
    [WolverinePost("/api/collections/receivables/{receivableId:guid}/write-off", OperationId = "WriteOffReceivable"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Writes off what is left of an unrecoverable receivable (operators): its plan stops; the guarantee fund, not the member, bears what was advanced on it.")]
    public static async Task<Ok<ReceivableView>> Post(Guid receivableId, WriteOffInput writeOff, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ReceivableView>(new WriteOffReceivable(receivableId, writeOff), ct));
}
