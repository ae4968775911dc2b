using Smart.BuildingBlocks.Documents;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Features.SalesDocuments;

namespace Smart.UnitTests.Activities;

public sealed class SalesDocumentPrintingTests
{
    private static readonly Guid SmartFr = Guid.NewGuid();

    private static readonly SellerIdentity Seller = new("SMart FR", "SCIC SA à capital variable", null, ["10 rue de la Coopération", "59000 Lille"], "404833048",
        "40483304800022", "Lille Métropole", "FR83404833048", "7490B", "FR7630006000011234567890189", "AGRIFRPP", 0.1215m, 40m, null);

    private static DocumentHeading Heading(ClientLegalForm form) =>
        new(Seller, new BuyerIdentity("Atelier Lumière", form, ["12 rue des Arts", "59800 Lille"], form == ClientLegalForm.Individual ? null : "732829320", null),
            new DocumentContact("Compagnie Les Échappées", "Alex Artiste", "alex@example.org"));

    private static Invoice Issue(ClientLegalForm form, (DateOnly, DateOnly)? service = null, params InvoiceLine[] lines)
    {
        var activity = Activity.Open(Guid.NewGuid(), SmartFr, Guid.NewGuid(), "Compagnie Les Échappées", ActivityKind.LivePerformance, 1, new DateOnly(2022, 1, 3));
        var client = Client.Register(SmartFr, "Atelier Lumière", "FR", form, null, new BillingAddress("12 rue des Arts", null, "59800", "Lille", "FR"),
            "compta@atelier.example", ClientTypology.Company, 30);
        return Invoice.Issue(new LegalNumber(DocumentKind.Invoice.Prefix(), 2026, 42), activity, client, lines, new DateOnly(2026, 11, 30), 0.10m, null, null,
            Heading(form), service);
    }

    private static string Text(PrintableDocument document) => string.Join("\n", document.Blocks.SelectMany(b => b switch
    {
        PartiesBlock p => new[] { p.Issuer.Name }.Concat(p.Issuer.Lines).Concat(p.Recipient is null ? [] : [p.Recipient.Name, .. p.Recipient.Lines]),
        FactsBlock f => f.Facts.Select(x => $"{x.Label} : {x.Value}"),
        TableBlock t => t.Rows.Select(r => string.Join(" | ", r.Cells)),
        TotalsBlock t => t.Lines.Select(l => $"{l.Label} {l.Amount}"),
        ParagraphBlock p => [p.Text],
        _ => [],
    })).Replace('\u202f', ' ');

    [Fact]
    public void Given_1234_50_at_20_percent_to_a_company_Then_the_invoice_states_1481_40_the_due_date_the_penalty_rate_and_the_40_euro_indemnity()
    {
        var invoice = Issue(ClientLegalForm.Company, null, new InvoiceLine("Affiche", 1, 1234.50m, 0.20m));

        var text = Text(SalesDocumentPrinting.Invoice(invoice, invoice.Heading, null));

        Assert.Contains("SIREN 404833048 — RCS Lille Métropole", text);
        Assert.Contains("TVA intracommunautaire FR83404833048", text);
        Assert.Contains("SIREN 732829320", text);
        Assert.Contains("Date de la prestation : 30/11/2026", text);
        Assert.Contains("Date d'échéance : 30/12/2026", text);
        Assert.Contains("TVA 20 % sur 1 234,50 € 246,90 €", text);
        Assert.Contains("Total TTC 1 481,40 €", text);
        Assert.Contains("Paiement à 30 jours de la date de facture, au plus tard le 30/12/2026. Pas d'escompte pour paiement anticipé.", text);
        Assert.Contains("au taux annuel de 12,15 %", text);
        Assert.Contains("indemnité forfaitaire pour frais de recouvrement de 40 €", text);
        Assert.Contains("Contact : Alex Artiste (alex@example.org)", text);
    }

    [Fact]
    public void Given_an_invoice_to_a_private_person_Then_no_recovery_indemnity_but_the_penalty_rate_still()
    {
        var invoice = Issue(ClientLegalForm.Individual, null, new InvoiceLine("Cours de chant", 4, 50m, 0.20m));

        var text = Text(SalesDocumentPrinting.Invoice(invoice, invoice.Heading, null));

        Assert.Contains("au taux annuel de 12,15 %", text);
        Assert.DoesNotContain("indemnité forfaitaire", text);
        Assert.DoesNotContain("40 €", text);
    }

    [Fact]
    public void Given_lines_at_20_and_5_5_percent_over_a_service_period_Then_VAT_is_totalled_per_rate_and_the_period_printed()
    {
        var invoice = Issue(ClientLegalForm.Company, (new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 6)),
            new InvoiceLine("Concert", 1, 1000m, 0.20m), new InvoiceLine("Billetterie", 2, 100m, 0.055m), new InvoiceLine("Affiches", 1, 200m, 0.20m));

        var text = Text(SalesDocumentPrinting.Invoice(invoice, invoice.Heading, null));

        Assert.Contains("Période de la prestation : du 02/11/2026 au 06/11/2026", text);
        Assert.Contains("TVA 20 % sur 1 200,00 € 240,00 €", text);
        Assert.Contains("TVA 5,5 % sur 200,00 € 11,00 €", text);
        Assert.Contains("Total TTC 1 651,00 €", text);
    }

    [Fact]
    public void Given_a_service_period_ending_before_it_starts_Then_the_invoice_is_refused() =>
        Assert.Throws<BusinessRuleViolationException>(() =>
            Issue(ClientLegalForm.Company, (new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 2)), new InvoiceLine("Concert", 1, 1000m, 0.20m)));

    [Fact]
    public void Given_a_credit_note_Then_it_names_the_invoice_it_credits_with_its_date()
    {
        var invoice = Issue(ClientLegalForm.Company, null, new InvoiceLine("Concert", 1, 1000m, 0.20m));
        var creditNote = invoice.Credit(new LegalNumber(DocumentKind.CreditNote.Prefix(), 2026, 3), 250m, new DateOnly(2026, 12, 2), "Une date annulée");

        var text = Text(SalesDocumentPrinting.CreditNote(creditNote, invoice, invoice.Heading, null));

        Assert.Contains("Facture d'origine : FA2026-000042 du 30/11/2026", text);
        Assert.Contains("Total TTC crédité 300,00 €", text);
        Assert.Contains("SIREN 404833048", text);
    }
}
