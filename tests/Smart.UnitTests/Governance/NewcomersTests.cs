using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Newcomers;

namespace Smart.UnitTests.Governance;

/// <summary>Typology, local budget, welcome path and sponsorship rules, with SmartFr's thresholds: active from 3,000 € or 3 contracts over 12 months.</summary>
public sealed class NewcomersTests
{
    private static readonly MemberLifeThresholds SmartFr = MemberLifeThresholds.SmartFr;
    private static readonly Guid Lille = Guid.NewGuid();

    private static FigureEntry Invoice(DateOnly date, decimal net, decimal contribution = 0m) =>
        new(Guid.NewGuid(), FigureKind.Invoice, date, Lille, net, contribution);

    private static FigureEntry Contract(DateOnly start) => new(Guid.NewGuid(), FigureKind.Contract, start, Lille, 0m, 0m);

    [Fact]
    public void Given_two_invoices_of_1000_in_March_2026_and_nothing_since_Then_occasional_on_2026_11_30_and_inactive_on_2027_03_15()
    {
        var figures = MemberFigures.Of([]);
        figures.Record(Invoice(new DateOnly(2026, 3, 10), 1_000m));
        figures.Record(Invoice(new DateOnly(2026, 3, 24), 1_000m));

        var november = figures.On(new DateOnly(2026, 11, 30), SmartFr);
        Assert.Equal((2, 2_000m, MemberTypology.Occasional, new DateOnly(2025, 12, 1)), (november.Invoices, november.Revenue, november.Typology, november.From));
        Assert.Equal(MemberTypology.Inactive, figures.On(new DateOnly(2027, 3, 15), SmartFr).Typology);
        // The window is the date's month and the 11 before: March 2026 counts until 2027-02-28, and an invoice after the date does not.
        Assert.Equal(2, figures.On(new DateOnly(2027, 2, 28), SmartFr).Invoices);
        Assert.Equal(0, figures.On(new DateOnly(2027, 3, 1), SmartFr).Invoices);
        Assert.Equal(1, figures.On(new DateOnly(2026, 3, 23), SmartFr).Invoices);
    }

    [Fact]
    public void Given_3000_of_revenue_or_3_contracts_Then_active_and_a_credit_note_below_the_threshold_makes_occasional()
    {
        var on = new DateOnly(2026, 11, 30);
        var billed = MemberFigures.Of([]);
        billed.Record(Invoice(new DateOnly(2026, 5, 1), 2_000m));
        billed.Record(Invoice(new DateOnly(2026, 9, 1), 1_000m));
        Assert.Equal(MemberTypology.Active, billed.On(on, SmartFr).Typology);
        billed.Record(new FigureEntry(Guid.NewGuid(), FigureKind.CreditNote, new DateOnly(2026, 10, 1), Lille, -0.01m, 0m));
        Assert.Equal((2_999.99m, MemberTypology.Occasional), (billed.On(on, SmartFr).Revenue, billed.On(on, SmartFr).Typology));

        var employed = MemberFigures.Of([]);
        employed.Record(Contract(new DateOnly(2026, 2, 1)));
        employed.Record(Contract(new DateOnly(2026, 6, 1)));
        Assert.Equal(MemberTypology.Occasional, employed.On(on, SmartFr).Typology);
        employed.Record(Contract(new DateOnly(2026, 11, 30)));
        Assert.Equal((3, MemberTypology.Active), (employed.On(on, SmartFr).Contracts, employed.On(on, SmartFr).Typology));
        Assert.Equal(MemberTypology.Inactive, MemberFigures.Of([]).On(on, SmartFr).Typology);
    }

    [Fact]
    public void Given_the_same_invoice_recorded_twice_Then_it_counts_once()
    {
        var figures = MemberFigures.Of([]);
        var invoice = Invoice(new DateOnly(2026, 3, 10), 1_000m);
        Assert.True(figures.Record(invoice));
        Assert.False(figures.Record(invoice));
        Assert.Equal(1_000m, figures.On(new DateOnly(2026, 3, 31), SmartFr).Revenue);
    }

    [Fact]
    public void Given_10_invoices_of_1000_at_10_percent_and_a_20_percent_share_Then_the_office_budget_is_200()
    {
        var entityId = Guid.NewGuid();
        var rules = new[] { MemberLifeRules.From(entityId, new DateOnly(2013, 1, 1), SmartFr, new DateOnly(2013, 1, 1)) };
        var figures = MemberFigures.Of([]);
        for (var month = 1; month <= 10; month++) figures.Record(Invoice(new DateOnly(2026, month, 15), 1_000m, 100m));
        figures.Record(Invoice(new DateOnly(2025, 12, 15), 1_000m, 100m));
        figures.Record(new FigureEntry(Guid.NewGuid(), FigureKind.Invoice, new DateOnly(2026, 5, 1), Guid.NewGuid(), 1_000m, 100m));

        Assert.Equal(200m, figures.LocalBudget(Lille, 2026, rules));
        Assert.Equal(20m, figures.LocalBudget(Lille, 2025, rules));
    }

    [Fact]
    public void Given_a_share_changing_from_July_Then_each_invoice_is_shared_by_the_rules_in_force_on_its_date()
    {
        var entityId = Guid.NewGuid();
        var rules = new[]
        {
            MemberLifeRules.From(entityId, new DateOnly(2013, 1, 1), SmartFr, new DateOnly(2013, 1, 1)),
            MemberLifeRules.From(entityId, new DateOnly(2026, 7, 1), SmartFr with { LocalBudgetShare = 0.30m }, new DateOnly(2026, 6, 1)),
        };
        var figures = MemberFigures.Of([]);
        figures.Record(Invoice(new DateOnly(2026, 6, 30), 1_000m, 100m));
        figures.Record(Invoice(new DateOnly(2026, 7, 1), 1_000m, 100m));
        Assert.Equal(50m, figures.LocalBudget(Lille, 2026, rules));
    }

    [Fact]
    public void Given_a_credit_note_of_half_an_invoice_Then_it_takes_back_half_its_contribution()
    {
        var invoice = new InvoiceCopy { Id = Guid.NewGuid(), MemberId = Guid.NewGuid(), OfficeId = Lille, Net = 1_000m, Contribution = 100m };
        var credit = invoice.CreditNote(Guid.NewGuid(), new DateOnly(2026, 4, 1), 500m);
        Assert.Equal((FigureKind.CreditNote, -500m, -50m, Lille), (credit.Kind, credit.Revenue, credit.Contribution, credit.OfficeId));
    }

    [Fact]
    public void Given_a_rules_version_in_the_past_Then_it_is_refused()
    {
        Assert.Throws<BusinessRuleViolationException>(() => MemberLifeRules.From(Guid.NewGuid(), new DateOnly(2026, 11, 1), SmartFr, new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void Given_events_in_any_order_Then_each_step_keeps_the_earliest_date_and_what_is_left_shows()
    {
        var path = WelcomePath.Open(Guid.NewGuid(), Guid.NewGuid(), Lille, new DateOnly(2026, 9, 1));
        Assert.True(path.WouldTick(WelcomeStep.FirstInvoiceIssued, new DateOnly(2026, 10, 20)));
        Assert.True(path.Tick(WelcomeStep.FirstInvoiceIssued, new DateOnly(2026, 10, 20)));
        Assert.Equal((true, false, false), (path.WouldTick(WelcomeStep.FirstInvoiceIssued, new DateOnly(2026, 10, 5)),
            path.WouldTick(WelcomeStep.FirstInvoiceIssued, new DateOnly(2026, 10, 20)), path.WouldTick(WelcomeStep.FirstInvoiceIssued, new DateOnly(2026, 11, 2))));
        Assert.True(path.Tick(WelcomeStep.FirstInvoiceIssued, new DateOnly(2026, 10, 5)));
        Assert.False(path.Tick(WelcomeStep.FirstInvoiceIssued, new DateOnly(2026, 11, 2)));
        Assert.Equal(new DateOnly(2026, 10, 5), path.Steps.Single(s => s.Step == WelcomeStep.FirstInvoiceIssued).DoneOn);
        Assert.Equal([WelcomeStep.InformationSessionAttended, WelcomeStep.SponsorAssigned, WelcomeStep.FirstActivityOpened, WelcomeStep.FirstContractDeclared,
            WelcomeStep.FirstTrainingAttended],
            path.Steps.Where(s => s.DoneOn is null).Select(s => s.Step).ToArray());
        Assert.False(path.IsComplete);
    }

    [Fact]
    public void Given_an_active_member_of_12_months_Then_they_sponsor_a_newcomer_of_less_than_6_months_once()
    {
        var on = new DateOnly(2026, 11, 30);
        var path = WelcomePath.Open(Guid.NewGuid(), Guid.NewGuid(), Lille, new DateOnly(2026, 6, 1));
        var sponsor = new SponsorCandidate(Guid.NewGuid(), new DateOnly(2025, 11, 30), MemberTypology.Active, 2);

        path.Sponsor(sponsor, on, SmartFr);

        Assert.Equal((sponsor.MemberId, on), (path.SponsorId, path.SponsoredOn));
        Assert.Equal(on, path.Steps.Single(s => s.Step == WelcomeStep.SponsorAssigned).DoneOn);
        Assert.Throws<BusinessRuleViolationException>(() => path.Sponsor(sponsor with { MemberId = Guid.NewGuid() }, on, SmartFr));
    }

    public static TheoryData<string, int, MemberTypology, int, string> RefusedSponsorships => new()
    {
        // newcomer registered on, sponsor member since (months before 2026-11-30), sponsor typology, newcomers sponsored, why
        { "2026-05-30", 24, MemberTypology.Active, 0, "a member of 6 months is no newcomer" },
        { "2026-06-01", 11, MemberTypology.Active, 0, "a sponsor of 11 months is not experienced" },
        { "2026-06-01", 24, MemberTypology.Occasional, 0, "an occasional member does not sponsor" },
        { "2026-06-01", 24, MemberTypology.Active, 3, "3 newcomers within 12 months is the maximum" },
    };

    [Theory, MemberData(nameof(RefusedSponsorships))]
    public void Given_a_rule_broken_Then_the_sponsorship_is_refused(string registeredOn, int sponsorMonths, MemberTypology typology, int sponsored, string why)
    {
        var on = new DateOnly(2026, 11, 30);
        var path = WelcomePath.Open(Guid.NewGuid(), Guid.NewGuid(), Lille, DateOnly.Parse(registeredOn, System.Globalization.CultureInfo.InvariantCulture));
        var sponsor = new SponsorCandidate(Guid.NewGuid(), on.AddMonths(-sponsorMonths), typology, sponsored);
        Assert.Throws<BusinessRuleViolationException>(() => path.Sponsor(sponsor, on, SmartFr));
        Assert.Null(path.SponsorId);
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public void Given_a_member_sponsoring_themselves_Then_it_is_refused()
    {
        var id = Guid.NewGuid();
        var path = WelcomePath.Open(id, Guid.NewGuid(), Lille, new DateOnly(2026, 10, 1));
        Assert.Throws<BusinessRuleViolationException>(() =>
            path.Sponsor(new SponsorCandidate(id, new DateOnly(2020, 1, 1), MemberTypology.Active, 0), new DateOnly(2026, 11, 30), SmartFr));
    }
}
