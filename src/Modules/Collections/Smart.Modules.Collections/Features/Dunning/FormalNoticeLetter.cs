using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
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
    public async Task<string> HandleAsync(GetFormalNoticeLetter query, IQuerySession session, CancellationToken cancellationToken)
    {
        var receivable = await session.Query<Receivable>().VisibleTo(user).SingleOrDefaultAsync(r => r.Id == query.ReceivableId, cancellationToken)
            ?? throw new NotFoundException("Receivable", query.ReceivableId);
        BusinessRules.Check(new OnlyAnUnpaidReceivableHasANotice(receivable.Status));
        var on = receivable.Steps.FirstOrDefault(s => s.Template == DunningTemplate.FormalNotice)?.TakenOn ?? clock.Today();
        var email = DunningEmails.For(receivable, new DunningStepTaken(0, on, DunningChannel.Letter, DunningTemplate.FormalNotice, receivable.ClientEmail, []), Guid.Empty);
        var page = HtmlPage.Start(email.Subject);
        page.Append("<p>Smart — service recouvrement</p>")
            .Append($"<p style=\"text-align:right\">{HtmlPage.Encode(receivable.ClientName)}<br>Lettre recommandée avec accusé de réception<br>le {DunningEmails.French(on)}</p>")
            .Append($"<h1>{HtmlPage.Encode(email.Subject)}</h1>");
        foreach (var paragraph in email.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            page.Append("<p>").Append(HtmlPage.Encode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }
        return HtmlPage.End(page);
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
        TypedResults.Content(await bus.InvokeAsync<string>(new GetFormalNoticeLetter(receivableId), ct), HtmlPage.ContentType);
}
