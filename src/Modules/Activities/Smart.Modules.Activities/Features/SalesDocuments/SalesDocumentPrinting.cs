using Smart.BuildingBlocks.Documents;
using Smart.Modules.Activities.Domain.ContractDocuments;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Quotes;
using static Smart.BuildingBlocks.Web.HtmlPage;

namespace Smart.Modules.Activities.Features.SalesDocuments;

/// <summary>
/// Sales documents as the client reads them, with the mentions French law requires of an invoice (Code de commerce
/// L441-9, CGI art. 242 nonies A): seller and client identities, number and dates, the service's date, lines with VAT,
/// totals per VAT rate, due date and terms, no discount for early payment, the late-payment penalty rate and, for a
/// business client, the fixed recovery indemnity. Quotes, credit notes and contract documents share the same head.
/// </summary>
internal static class SalesDocumentPrinting
{
    public static PrintableDocument Invoice(Invoice invoice, DocumentHeading? heading, DocumentImage? logo)
    {
        var serviceFrom = invoice.ServiceFrom == default ? invoice.IssueDate : invoice.ServiceFrom;
        var serviceTo = invoice.ServiceTo == default ? invoice.IssueDate : invoice.ServiceTo;
        var blocks = Head(heading,
        [
            new("Numéro", invoice.Number),
            new("Date d'émission", FrenchFormat.Date(invoice.IssueDate)),
            serviceFrom == serviceTo
                ? new("Date de la prestation", FrenchFormat.Date(serviceFrom))
                : new("Période de la prestation", $"du {FrenchFormat.Date(serviceFrom)} au {FrenchFormat.Date(serviceTo)}"),
            new("Date d'échéance", FrenchFormat.Date(invoice.DueDate)),
        ]);
        blocks.Add(Lines(invoice.Lines));
        blocks.Add(Totals(invoice.Lines, invoice.TotalNet, invoice.TotalGross));
        if (invoice.VatMention is not null) blocks.Add(new ParagraphBlock(invoice.VatMention, TextStyle.Small));
        blocks.AddRange(PaymentTerms(heading, invoice.IssueDate, invoice.DueDate));
        return new PrintableDocument($"Facture {invoice.Number}", $"facture-{invoice.Number}", blocks, logo);
    }

    public static PrintableDocument CreditNote(CreditNote creditNote, Invoice invoice, DocumentHeading? heading, DocumentImage? logo)
    {
        var blocks = Head(heading,
        [
            new("Numéro", creditNote.Number),
            new("Date d'émission", FrenchFormat.Date(creditNote.IssueDate)),
            new("Facture d'origine", $"{invoice.Number} du {FrenchFormat.Date(invoice.IssueDate)}"),
        ]);
        blocks.Add(new TableBlock([new DocumentColumn("Motif", 5), new DocumentColumn("Montant HT", 1.4, Numeric: true)],
            [new DocumentRow([creditNote.Reason, Euros(creditNote.Net)])]));
        blocks.Add(new TotalsBlock(
        [
            new("Total HT crédité", Euros(creditNote.Net)),
            new("TVA créditée", Euros(creditNote.Vat)),
            new("Total TTC crédité", Euros(creditNote.Gross), Strong: true),
        ]));
        blocks.Add(new ParagraphBlock($"Cet avoir vient en déduction de la facture {invoice.Number}.", TextStyle.Small));
        return new PrintableDocument($"Avoir {creditNote.Number}", $"avoir-{creditNote.Number}", blocks, logo);
    }

    public static PrintableDocument Quote(Quote quote, DocumentHeading? heading, DocumentImage? logo)
    {
        var blocks = Head(heading,
        [
            new("Numéro", quote.Number),
            new("Date", FrenchFormat.Date(quote.IssueDate)),
            new("Valable jusqu'au", FrenchFormat.Date(quote.ValidUntil)),
        ]);
        blocks.Add(Lines(quote.Lines));
        blocks.Add(Totals(quote.Lines, quote.TotalNet, quote.TotalGross));
        if (quote.VatMention is not null) blocks.Add(new ParagraphBlock(quote.VatMention, TextStyle.Small));
        return new PrintableDocument($"Devis {quote.Number}", $"devis-{quote.Number}", blocks, logo);
    }

    public static PrintableDocument ContractDocument(ContractDocument document, string title, IEnumerable<(string Label, string Value)> details,
        DocumentHeading? heading, DocumentImage? logo)
    {
        var blocks = Head(heading, [new("Numéro", document.Number), new("Date", FrenchFormat.Date(document.IssueDate))]);
        blocks.Add(new TableBlock([new DocumentColumn("", 1.3), new DocumentColumn("", 4)], details.Select(d => new DocumentRow([d.Label, d.Value])).ToList()));
        if (document is { Net: { } net, VatRate: { } rate, Vat: { } vat, Gross: { } gross })
        {
            blocks.Add(new TotalsBlock([new("Prix HT", Euros(net)), new($"TVA {Percent(rate)}", Euros(vat)), new("Total TTC", Euros(gross), Strong: true)]));
        }
        if (document.VatMention is not null) blocks.Add(new ParagraphBlock(document.VatMention, TextStyle.Small));
        return new PrintableDocument($"{title} n° {document.Number}", $"contrat-{document.Number}", blocks, logo);
    }

    /// <summary>Seller and client side by side, the document's facts, and whom to ask about it.</summary>
    private static List<DocumentBlock> Head(DocumentHeading? heading, List<DocumentFact> facts)
    {
        if (heading is null)
        {
            // Issued before documents carried their heading and before the entity's identity was recorded.
            return [new ParagraphBlock("Identité de l'émetteur non enregistrée pour ce document.", TextStyle.Small), new FactsBlock(facts)];
        }
        var contact = heading.Contact;
        facts.Add(new("Activité", contact.ActivityName));
        facts.Add(new("Contact", contact.CoordinatorEmail is null ? contact.CoordinatorName : $"{contact.CoordinatorName} ({contact.CoordinatorEmail})"));
        return [new PartiesBlock(Seller(heading.Seller), Buyer(heading.Buyer), "Émetteur", "Client"), new FactsBlock(facts)];
    }

    private static DocumentParty Seller(SellerIdentity s)
    {
        var form = s.ShareCapital is { } capital ? $"{s.LegalForm} au capital de {Euros(capital)}" : s.LegalForm;
        return new DocumentParty(s.LegalName, [form, .. s.Address, $"SIREN {s.Siren} — RCS {s.RcsCity}", $"SIRET {s.Siret} — APE {s.ApeCode}", $"TVA intracommunautaire {s.VatNumber}"]);
    }

    private static DocumentParty Buyer(BuyerIdentity b)
    {
        List<string> lines = [.. b.Address];
        if (b.Siren is not null) lines.Add($"SIREN {b.Siren}");
        if (b.VatNumber is not null) lines.Add($"TVA intracommunautaire {b.VatNumber}");
        return new DocumentParty(b.Name, lines);
    }

    private static TableBlock Lines(IEnumerable<InvoiceLine> lines) => new(
        [
            new DocumentColumn("Désignation", 5), new DocumentColumn("Quantité", 1.1, Numeric: true), new DocumentColumn("Prix unitaire HT", 1.6, Numeric: true),
            new DocumentColumn("TVA", 0.9, Numeric: true), new DocumentColumn("Montant HT", 1.6, Numeric: true),
        ],
        lines.Select(l => new DocumentRow([l.Description, FrenchFormat.Number(l.Quantity), Euros(l.UnitPrice), Percent(l.VatRate), Euros(l.Net)])).ToList());

    /// <summary>Total excl. VAT, the VAT of each rate, total incl. VAT.</summary>
    private static TotalsBlock Totals(IEnumerable<InvoiceLine> lines, decimal net, decimal gross)
    {
        List<DocumentTotal> totals = [new("Total HT", Euros(net))];
        totals.AddRange(lines.GroupBy(l => l.VatRate).OrderByDescending(g => g.Key)
            .Select(g => new DocumentTotal($"TVA {Percent(g.Key)} sur {Euros(g.Sum(l => l.Net))}", Euros(g.Sum(l => l.Vat)))));
        totals.Add(new("Total TTC", Euros(gross), Strong: true));
        return new TotalsBlock(totals);
    }

    private static IEnumerable<DocumentBlock> PaymentTerms(DocumentHeading? heading, DateOnly issueDate, DateOnly dueDate)
    {
        var days = dueDate.DayNumber - issueDate.DayNumber;
        yield return new ParagraphBlock(
            $"Paiement à {days} jours de la date de facture, au plus tard le {FrenchFormat.Date(dueDate)}. Pas d'escompte pour paiement anticipé.");
        if (heading is null) yield break;
        var seller = heading.Seller;
        yield return new ParagraphBlock($"Règlement par virement — IBAN {seller.Iban} — BIC {seller.Bic}");
        var mentions = $"En cas de retard de paiement, des pénalités sont dues au taux annuel de {Percent(seller.LatePaymentPenaltyRate, "0.00")} (Code de commerce, art. L441-10).";
        if (heading.Buyer.IsBusiness)
        {
            mentions += $" Tout professionnel en retard de paiement doit en outre une indemnité forfaitaire pour frais de recouvrement de {FrenchFormat.Number(seller.RecoveryIndemnity, "#,0.##")} € (art. D441-5).";
        }
        yield return new ParagraphBlock(mentions, TextStyle.Small);
    }
}
