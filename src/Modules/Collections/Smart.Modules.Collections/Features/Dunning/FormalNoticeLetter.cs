using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Documents;
using Smart.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Mvc;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.Dunning;

/// <summary>The formal notice of an unpaid receivable as a printable letter (to send by registered post).</summary>
public sealed record GetFormalNoticeLetter(Guid ReceivableId);

public sealed class FormalNoticeLetterHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// The text of the formal notice e-mail (same template, same figures: interest and indemnity for business clients),
    /// dated the day its step was taken, or today when it was not yet.
    /// </summary>
    public async Task<PrintableDocument> HandleAsync(GetFormalNoticeLetter query, IQuerySession session, CancellationToken cancellationToken)
    {
        var receivable = await session.Query<Receivable>().VisibleTo(user).SingleOrDefaultAsync(r => r.Id == query.ReceivableId, cancellationToken)
            ?? throw new NotFoundException("Receivable", query.ReceivableId);
        BusinessRules.Check(new OnlyAnUnpaidReceivableHasANotice(receivable.Status));
        var on = receivable.Steps.FirstOrDefault(s => s.Template == DunningTemplate.FormalNotice)?.TakenOn ?? clock.Today();
        var email = DunningEmails.For(receivable, new DunningStepTaken(0, on, DunningChannel.Letter, DunningTemplate.FormalNotice, receivable.ClientEmail, []), Guid.Empty);
        List<DocumentBlock> blocks =
        [
            new PartiesBlock(new DocumentParty("Smart — service recouvrement", []),
                new DocumentParty(receivable.ClientName, ["Lettre recommandée avec accusé de réception", $"le {DunningEmails.French(on)}"])),
        ];
        blocks.AddRange(email.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => new ParagraphBlock(p)));
        return new PrintableDocument(email.Subject, $"mise-en-demeure-{receivable.Number}", blocks);
    }

    private sealed record OnlyAnUnpaidReceivableHasANotice(ReceivableStatus Status) : IBusinessRule
    {
        public bool IsBroken() => Status is not (ReceivableStatus.Open or ReceivableStatus.Disputed);

        public string Message => $"A formal notice is for an unpaid receivable; this one is {Status}.";
    }
}

public static class FormalNoticeLetterEndpoint
{
    [WolverineGet("/api/collections/receivables/{receivableId:guid}/formal-notice", OperationId = "PrintFormalNotice")]
    [ProducesProblem(StatusCodes.Status404NotFound), ProducesProblem(StatusCodes.Status409Conflict)]
    [EndpointSummary("The formal notice (mise en demeure) of an unpaid receivable as a printable page, for whoever may read the receivable.")]
    public static async Task<ContentHttpResult> Get(Guid receivableId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Html(await bus.InvokeAsync<PrintableDocument>(new GetFormalNoticeLetter(receivableId), ct));

    [WolverineGet("/api/collections/receivables/{receivableId:guid}/formal-notice/pdf", OperationId = "PrintFormalNoticePdf")]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, DocumentPdf.ContentType), ProducesProblem(StatusCodes.Status404NotFound), ProducesProblem(StatusCodes.Status409Conflict)]
    [EndpointSummary("The formal notice of an unpaid receivable as an A4 PDF, the same letter as the printable page.")]
    public static async Task<FileContentHttpResult> GetPdf(Guid receivableId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Pdf(await bus.InvokeAsync<PrintableDocument>(new GetFormalNoticeLetter(receivableId), ct));
}
