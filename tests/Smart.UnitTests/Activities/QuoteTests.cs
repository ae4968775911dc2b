using Smart.Modules.Activities.Contracts;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Quotes;

namespace Smart.UnitTests.Activities;

public sealed class QuoteTests
{
    private static readonly Guid SmartFr = Guid.NewGuid();

    private static Activity AnActivity(ActivityKind kind = ActivityKind.LivePerformance) =>
        Activity.Open(Guid.NewGuid(), SmartFr, Guid.NewGuid(), "Tournée", kind, 1, new DateOnly(2025, 1, 6));

    private static Client AClient() => Client.Register(SmartFr, "Théâtre du Nord", "fr", ClientLegalForm.PublicBody, null,
        new BillingAddress("4 place du Général de Gaulle", null, "59000", "Lille", "fr"), "compta@theatre.example", ClientTypology.PublicBody, 30);

    private static Quote AQuote(DateOnly issued, DateOnly validUntil) => Quote.Issue(new LegalNumber(DocumentKind.Quote.Prefix(), issued.Year, 1), AnActivity(), AClient(),
        [new InvoiceLine("Représentation", 2, 450.00m, 0.20m)], issued, validUntil, vatMention: null);

    [Fact]
    public void Given_2_x_450_at_20_percent_Then_the_quote_totals_900_180_and_1080_and_is_numbered_DE()
    {
        var quote = AQuote(new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1));

        Assert.Equal((900.00m, 180.00m, 1080.00m), (quote.TotalNet, quote.TotalVat, quote.TotalGross));
        Assert.Equal("DE2026-000001", quote.Number);
        Assert.Equal(QuoteState.Open, quote.StateOn(new DateOnly(2026, 4, 1)));
        Assert.Equal(QuoteState.Expired, quote.StateOn(new DateOnly(2026, 4, 2)));
    }

    [Fact]
    public void Given_an_exempt_training_quote_at_0_percent_Then_its_invoice_takes_the_rate_in_force_on_acceptance_not_the_exemptions_0()
    {
        var exempt = Quote.Issue(new LegalNumber(DocumentKind.Quote.Prefix(), 2026, 2), AnActivity(ActivityKind.Training), AClient(),
            [new InvoiceLine("Formation PAO", 2, 700.00m, 0m)], new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1), "Exonération de TVA — article 261-4-4° a du CGI");
        var reduced = Quote.Issue(new LegalNumber(DocumentKind.Quote.Prefix(), 2026, 3), AnActivity(), AClient(),
            [new InvoiceLine("Billetterie", 100, 12.00m, 0.055m)], new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1), vatMention: null);

        Assert.Null(exempt.RequestedVatRate(exempt.Lines[0]));
        Assert.Equal(0.20m, new VatTreatment(0.20m, false, null).RateFor(exempt.RequestedVatRate(exempt.Lines[0]))); // exemption ended: 20 %
        Assert.Equal(0.055m, reduced.RequestedVatRate(reduced.Lines[0])); // a rate the member chose stays
    }

    [Fact]
    public void Given_a_quote_valid_until_1_April_Then_it_is_accepted_on_1_April_but_not_on_2_April()
    {
        var late = AQuote(new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1));
        var onTime = AQuote(new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1));

        var refused = Assert.Throws<BusinessRuleViolationException>(() => late.MarkAccepted(new DateOnly(2026, 4, 2), Guid.NewGuid()));
        onTime.MarkAccepted(new DateOnly(2026, 4, 1), Guid.NewGuid());

        Assert.Equal("AcceptedWhileValid", refused.Rule);
        Assert.Equal(QuoteState.Accepted, onTime.StateOn(new DateOnly(2026, 5, 1)));
    }

    [Fact]
    public void Given_an_accepted_quote_Then_a_second_acceptance_or_a_decline_is_refused()
    {
        var quote = AQuote(new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1));
        var invoiceId = Guid.NewGuid();
        quote.MarkAccepted(new DateOnly(2026, 3, 10), invoiceId);

        Assert.Equal("QuoteIsOpen", Assert.Throws<BusinessRuleViolationException>(() => quote.MarkAccepted(new DateOnly(2026, 3, 11), Guid.NewGuid())).Rule);
        Assert.Equal("QuoteIsOpen", Assert.Throws<BusinessRuleViolationException>(() => quote.Decline(new DateOnly(2026, 3, 11), "Trop cher")).Rule);
        Assert.Equal(invoiceId, quote.InvoiceId);
    }

    [Fact]
    public void Given_a_declined_quote_Then_it_keeps_its_reason_and_is_no_longer_acceptable()
    {
        var quote = AQuote(new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1));

        quote.Decline(new DateOnly(2026, 3, 5), "  Budget insuffisant ");

        Assert.Equal((QuoteState.Declined, "Budget insuffisant"), (quote.StateOn(new DateOnly(2026, 3, 6)), quote.DeclineReason));
        Assert.Throws<BusinessRuleViolationException>(() => quote.EnsureAcceptable(new DateOnly(2026, 3, 6)));
    }

    [Fact]
    public void Given_a_validity_before_the_issue_date_or_no_line_Then_the_quote_is_refused()
    {
        Assert.Equal("ValidityFollowsIssue", Assert.Throws<BusinessRuleViolationException>(() => AQuote(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1))).Rule);
        Assert.Equal("QuoteHasLines", Assert.Throws<BusinessRuleViolationException>(() =>
            Quote.Issue(new LegalNumber(DocumentKind.Quote.Prefix(), 2026, 1), AnActivity(), AClient(), [], new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1), null)).Rule);
    }
}
