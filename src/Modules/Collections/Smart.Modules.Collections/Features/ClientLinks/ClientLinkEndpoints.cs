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
using Smart.Modules.Collections.Features.Dunning;
using Smart.Modules.Collections.Features.Payments;
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.ClientLinks;

public sealed record ClientLinkView(string Url, DateOnly ExpiresOn);

/// <summary>Staff (or the member who owns the invoice) get the client's link to a receivable, e.g. to give it on the phone.</summary>
public sealed record GetClientLink(Guid ReceivableId);

/// <summary>The client's page of its invoice, by its link.</summary>
public sealed record ReadClientPage(string Token);

public sealed record PaymentDeclarationInput(decimal Amount, DateOnly PaidOn, string? Reference)
{
    internal sealed class Validator : AbstractValidator<PaymentDeclarationInput>
    {
        public Validator()
        {
            RuleFor(p => p.Amount).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(p => p.PaidOn).IsBusinessDate();
            RuleFor(p => p.Reference).MaximumLength(140);
        }
    }
}

/// <summary>The client declares, through its link, that it paid; the history keeps it for the collectors.</summary>
public sealed record DeclarePayment(string Token, PaymentDeclarationInput Declaration)
{
    internal sealed class Validator : AbstractValidator<DeclarePayment>
    {
        public Validator() => RuleFor(c => c.Declaration).NotNull().SetValidator(new PaymentDeclarationInput.Validator());
    }
}

/// <summary>The client disputes the invoice through its link: the plan waits, as for a dispute by staff.</summary>
public sealed record DisputeByClient(string Token, Disputes.DisputeInput Dispute)
{
    internal sealed class Validator : AbstractValidator<DisputeByClient>
    {
        public Validator() => RuleFor(c => c.Dispute).NotNull().SetValidator(new Disputes.DisputeInput.Validator());
    }
}

/// <summary>What the client sees and does: no caller, the link is the permission.</summary>
public sealed record ClientAnswer(string Message);

public sealed class ClientLinksHandler(ICurrentUser user, ClientLinks links, TimeProvider clock)
{
    public async Task<ClientLinkView> HandleAsync(GetClientLink query, IQuerySession session, CancellationToken cancellationToken)
    {
        var receivable = await session.Query<Receivable>().VisibleTo(user).SingleOrDefaultAsync(r => r.Id == query.ReceivableId, cancellationToken)
            ?? throw new NotFoundException("Receivable", query.ReceivableId);
        var (url, expiresOn) = links.For(receivable);
        return new ClientLinkView(url, expiresOn);
    }

    public async Task<string> HandleAsync(ReadClientPage query, IQuerySession session, CancellationToken cancellationToken)
    {
        var receivable = await session.LoadAsync<Receivable>(links.ReceivableOf(query.Token), cancellationToken)
            ?? throw new NotFoundException("Client link", "token");
        return ClientPage.Render(receivable, query.Token);
    }

    public async Task<ClientAnswer> HandleAsync(DeclarePayment command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Receivable>(links.ReceivableOf(command.Token), cancellationToken);
        var receivable = stream.Aggregate ?? throw new NotFoundException("Client link", "token");
        var input = command.Declaration;
        stream.AppendOne(receivable.DeclarePayment(input.Amount, input.PaidOn, input.Reference?.Trim(), clock.Today()));
        return new ClientAnswer("Merci : votre paiement est signalé à notre service recouvrement.");
    }

    public async Task<ClientAnswer> HandleAsync(DisputeByClient command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Receivable>(links.ReceivableOf(command.Token), cancellationToken);
        var receivable = stream.Aggregate ?? throw new NotFoundException("Client link", "token");
        stream.AppendOne(receivable.OpenDispute(command.Dispute.Reason.Trim(), "client", clock.Today()));
        return new ClientAnswer("Votre contestation est enregistrée : les relances sont suspendues jusqu'à son examen.");
    }
}

/// <summary>The client's page: the invoice, what is left to pay, and two small forms posting to the link's endpoints.</summary>
internal static class ClientPage
{
    public static string Render(Receivable r, string token)
    {
        var page = HtmlPage.Start($"Facture {r.Number}");
        page.Append($"<h1>Facture {HtmlPage.Encode(r.Number)}</h1><p>{HtmlPage.Encode(r.ClientName)}</p><table>")
            .Append($"<tr><th>Émise le</th><td>{DunningEmails.French(r.IssueDate)}</td></tr>")
            .Append($"<tr><th>Échéance</th><td>{DunningEmails.French(r.DueDate)}</td></tr>")
            .Append($"<tr><th>Montant TTC</th><td class=\"n\">{HtmlPage.Euros(r.Amount)}</td></tr>")
            .Append($"<tr><th>Avoirs</th><td class=\"n\">{HtmlPage.Euros(r.Credited)}</td></tr>")
            .Append($"<tr><th>Déjà reçu</th><td class=\"n\">{HtmlPage.Euros(r.Received)}</td></tr>")
            .Append($"<tr><th>Reste à payer</th><td class=\"n\"><strong>{HtmlPage.Euros(r.Outstanding)}</strong></td></tr>")
            .Append($"<tr><th>Statut</th><td>{Status(r.Status)}</td></tr></table>");
        if (r.Status == ReceivableStatus.Open)
        {
            var action = $"/api/collections/client-links/{HtmlPage.Encode(token)}";
            page.Append("<h2>Vous avez payé ?</h2><form data-action=\"").Append(action).Append("/payment-declaration\">")
                .Append("<label>Montant <input name=\"amount\" type=\"number\" step=\"0.01\" required></label> ")
                .Append("<label>Date <input name=\"paidOn\" type=\"date\" required></label> ")
                .Append("<label>Référence <input name=\"reference\"></label> <button>Signaler le paiement</button></form>")
                .Append("<h2>Vous contestez cette facture ?</h2><form data-action=\"").Append(action).Append("/dispute\">")
                .Append("<label>Motif <input name=\"reason\" required></label> <button>Contester</button></form><p id=\"answer\"></p>")
                .Append("<script>document.querySelectorAll('form').forEach(f=>f.onsubmit=async e=>{e.preventDefault();")
                .Append("const b=Object.fromEntries(new FormData(f));if(b.amount)b.amount=Number(b.amount);")
                .Append("const r=await fetch(f.dataset.action,{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify(b)});")
                .Append("const j=await r.json();document.getElementById('answer').textContent=j.message||j.title;});</script>");
        }
        return HtmlPage.End(page);
    }

    private static string Status(ReceivableStatus status) => status switch
    {
        ReceivableStatus.Open => "à payer",
        ReceivableStatus.Disputed => "contestée, en cours d'examen",
        ReceivableStatus.Paid => "payée",
        ReceivableStatus.Cancelled => "annulée par avoir",
        ReceivableStatus.WrittenOff => "transmise au contentieux",
        _ => status.ToString(),
    };
}

public static class ClientLinkEndpoints
{
    [WolverineGet("/api/collections/receivables/{receivableId:guid}/client-link", OperationId = "GetClientLink"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The client's signed link to a receivable (whoever may read the receivable): it shows the invoice and lets the client declare a payment or dispute it, without an account, until it expires.")]
    public static async Task<Ok<ClientLinkView>> Get(Guid receivableId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ClientLinkView>(new GetClientLink(receivableId), ct));

    [WolverineGet("/api/collections/client-links/{token}", OperationId = "ReadClientPage"), AllowAnonymous, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The client's page of its invoice by its signed link, no login: a forged or expired link is a 404.")]
    public static async Task<ContentHttpResult> Page(string token, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Content(await bus.InvokeAsync<string>(new ReadClientPage(token), ct), HtmlPage.ContentType);

    [WolverinePost("/api/collections/client-links/{token}/payment-declaration", OperationId = "DeclarePaymentByClient"), AllowAnonymous, ProducesCommandProblems]
    [EndpointSummary("The client declares a payment by its signed link (no login); collectors see it in the history until the bank statement shows it.")]
    public static async Task<Ok<ClientAnswer>> Declare(string token, PaymentDeclarationInput declaration, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ClientAnswer>(new DeclarePayment(token, declaration), ct));

    [WolverinePost("/api/collections/client-links/{token}/dispute", OperationId = "DisputeByClient"), AllowAnonymous, ProducesCommandProblems]
    [EndpointSummary("The client disputes the invoice by its signed link (no login): the dunning plan waits until staff resolve it.")]
    public static async Task<Ok<ClientAnswer>> Dispute(string token, Disputes.DisputeInput dispute, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ClientAnswer>(new DisputeByClient(token, dispute), ct));
}
