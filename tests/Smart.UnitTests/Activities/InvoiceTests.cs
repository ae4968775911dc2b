using Smart.Modules.Activities.Contracts;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.Invoicing;

namespace Smart.UnitTests.Activities;

public sealed class InvoiceTests
{
    private static readonly Guid SmartFr = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Activity AnActivity() => Activity.Open(Guid.NewGuid(), SmartFr, Guid.NewGuid(), "Tournée", ActivityKind.LivePerformance, 1, new DateOnly(2022, 1, 3));

    private static Client AClient(int terms = 30) => Client.Register(SmartFr, "Théâtre du Nord", "fr", ClientLegalForm.PublicBody, "FR 45 123 456 789",
        new BillingAddress("4 place du Général de Gaulle", null, "59000", "Lille", "fr"), "Compta@Theatre.example", ClientTypology.PublicBody, terms);

    private static Invoice Issue(DateOnly date, decimal rate, params InvoiceLine[] lines) =>
        Invoice.Issue(new LegalNumber(DocumentKind.Invoice.Prefix(), date.Year, 1), AnActivity(), AClient(), lines, date, rate, vatMention: null);

    [Fact]
    public void Given_1000_excl_VAT_at_20_percent_Then_the_invoice_totals_1200_and_is_due_after_the_clients_terms()
    {
        var invoice = Issue(new DateOnly(2022, 12, 14), 0.085m, new InvoiceLine("Concert", 1, 1000.00m, 0.20m));

        Assert.Equal((1000.00m, 200.00m, 1200.00m), (invoice.TotalNet, invoice.TotalVat, invoice.TotalGross));
        Assert.Equal(new DateOnly(2023, 1, 13), invoice.DueDate);
        Assert.Equal("FA2022-000001", invoice.Number);
    }

    [Theory]
    [InlineData("2022-12-14", "0.085", "85.00", "915.00")]
    [InlineData("2022-12-15", "0.10", "100.00", "900.00")]
    public void Given_SmartFrs_rate_on_the_invoice_date_Then_revenue_in_and_contribution_out_leave_the_balance(string date, string rate, string contribution, string balance)
    {
        var invoice = Issue(DateOnly.Parse(date), decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), new InvoiceLine("Concert", 1, 1000.00m, 0.20m));

        var entries = invoice.BudgetEntries(Now);

        Assert.Equal([(BudgetEntryKind.Revenue, 1000.00m), (BudgetEntryKind.Contribution, -decimal.Parse(contribution, System.Globalization.CultureInfo.InvariantCulture))],
            entries.Select(e => (e.Kind, e.Amount)));
        Assert.Equal(decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture), entries.Sum(e => e.Amount));
        Assert.All(entries, e => Assert.Equal(DateOnly.Parse(date), e.Date));
    }

    [Fact]
    public void Given_a_credit_note_of_250_on_the_1000_invoice_at_10_percent_Then_it_books_minus_250_and_plus_25_leaving_675()
    {
        var invoice = Issue(new DateOnly(2022, 12, 15), 0.10m, new InvoiceLine("Concert", 1, 1000.00m, 0.20m));

        var credit = invoice.Credit(new LegalNumber(DocumentKind.CreditNote.Prefix(), 2022, 1), 250.00m, new DateOnly(2022, 12, 20), "One set cancelled");

        Assert.Equal((250.00m, 50.00m, 300.00m), (credit.Net, credit.Vat, credit.Gross));
        Assert.Equal([(BudgetEntryKind.Revenue, -250.00m), (BudgetEntryKind.Contribution, 25.00m)], credit.BudgetEntries(Now).Select(e => (e.Kind, e.Amount)));
        Assert.Equal(675.00m, invoice.BudgetEntries(Now).Concat(credit.BudgetEntries(Now)).Sum(e => e.Amount));
        Assert.Equal((250.00m, 750.00m), (invoice.CreditedNet, invoice.RemainingToCredit));
        Assert.Equal("AV2022-000001", credit.Number);
    }

    [Fact]
    public void Given_lines_with_fractions_of_cents_Then_each_line_rounds_half_to_even_and_totals_are_the_sums()
    {
        // 3 × 0.125 = 0.375 → 0.38 (half to even on 0.375 gives 0.38); VAT 20 % of 0.38 = 0.076 → 0.08.
        // 1 × 10.005 is refused by input validation (cents only); 7 × 1.05 = 7.35; VAT 5.5 % = 0.40425 → 0.40.
        var invoice = Issue(new DateOnly(2026, 3, 2), 0.10m, new InvoiceLine("Flyers", 3, 0.125m, 0.20m), new InvoiceLine("Books", 7, 1.05m, 0.055m));

        Assert.Equal([0.38m, 7.35m], invoice.Lines.Select(l => l.Net));
        Assert.Equal([0.08m, 0.40m], invoice.Lines.Select(l => l.Vat));
        Assert.Equal((7.73m, 0.48m, 8.21m), (invoice.TotalNet, invoice.TotalVat, invoice.TotalGross));
        Assert.Equal(0.77m, invoice.ContributionAmount); // 0.773 → 0.77
    }

    [Fact]
    public void Given_credits_in_three_parts_Then_the_last_one_takes_exactly_what_remains_and_everything_nets_to_zero()
    {
        var invoice = Issue(new DateOnly(2026, 3, 2), 0.10m, new InvoiceLine("Workshop", 1, 100.00m, 0.20m));
        var credits = new[] { 33.33m, 33.33m, 33.34m }
            .Select((net, i) => invoice.Credit(new LegalNumber(DocumentKind.CreditNote.Prefix(), 2026, i + 1), net, new DateOnly(2026, 3, 3), "Split"))
            .ToList();

        Assert.Equal(20.00m, credits.Sum(c => c.Vat));
        Assert.Equal(10.00m, credits.Sum(c => c.ContributionRefund));
        Assert.Equal(0m, invoice.BudgetEntries(Now).Concat(credits.SelectMany(c => c.BudgetEntries(Now))).Sum(e => e.Amount));
        Assert.Equal(0m, invoice.RemainingToCredit);
    }

    [Theory]
    [InlineData("750.01")]
    [InlineData("0")]
    [InlineData("-1")]
    public void Given_a_credit_beyond_what_remains_Then_it_is_refused(string net)
    {
        var invoice = Issue(new DateOnly(2026, 3, 2), 0.10m, new InvoiceLine("Concert", 1, 1000.00m, 0.20m));
        invoice.Credit(new LegalNumber(DocumentKind.CreditNote.Prefix(), 2026, 1), 250.00m, new DateOnly(2026, 3, 2), "First");

        var error = Assert.Throws<BusinessRuleViolationException>(() =>
            invoice.Credit(new LegalNumber(DocumentKind.CreditNote.Prefix(), 2026, 2), decimal.Parse(net, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 3, 2), "Too much"));

        Assert.Equal("CreditIsWithinWhatRemains", error.Rule);
    }

    [Fact]
    public void Given_a_client_of_another_entity_or_a_closed_activity_or_no_line_Then_the_invoice_is_refused()
    {
        var number = new LegalNumber(DocumentKind.Invoice.Prefix(), 2026, 1);
        var line = new InvoiceLine("Concert", 1, 100m, 0.2m);
        var foreign = Client.Register(Guid.NewGuid(), "Other", "FR", ClientLegalForm.Company, null, new BillingAddress("1 rue", null, "75001", "Paris", "FR"), "a@b.fr", ClientTypology.Company, 30);
        var closed = AnActivity();
        closed.Close(0m, 0m, 0m, new DateOnly(2026, 1, 1));

        Assert.Equal("ClientBelongsToTheActivitysEntity", Assert.Throws<BusinessRuleViolationException>(() =>
            Invoice.Issue(number, AnActivity(), foreign, [line], new DateOnly(2026, 3, 2), 0.1m, null)).Rule);
        Assert.Equal("ActivityIsOpen", Assert.Throws<BusinessRuleViolationException>(() =>
            Invoice.Issue(number, closed, AClient(), [line], new DateOnly(2026, 3, 2), 0.1m, null)).Rule);
        Assert.Equal("InvoiceHasLines", Assert.Throws<BusinessRuleViolationException>(() =>
            Invoice.Issue(number, AnActivity(), AClient(), [], new DateOnly(2026, 3, 2), 0.1m, null)).Rule);
    }

    [Fact]
    public void Given_an_activity_with_a_balance_Then_it_cannot_close_until_the_balance_is_zero()
    {
        var activity = AnActivity();

        Assert.Equal("ClosingBalanceIsZero", Assert.Throws<BusinessRuleViolationException>(() => activity.Close(675.00m, 0m, 0m, new DateOnly(2026, 1, 1))).Rule);
        activity.Close(0m, 0m, 0m, new DateOnly(2026, 1, 1));
        Assert.Equal(ActivityStatus.Closed, activity.Status);
        Assert.Throws<BusinessRuleViolationException>(() => activity.Rename("Again"));
    }

    [Fact]
    public void Given_a_client_Then_its_VAT_number_and_e_mail_are_normalised()
    {
        var client = AClient();

        Assert.Equal(("FR45123456789", "compta@theatre.example", "FR"), (client.VatNumber, client.BillingEmail, client.BillingAddress.Country));
    }
}
