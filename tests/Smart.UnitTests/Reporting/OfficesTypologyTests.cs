using Smart.Modules.Governance.Contracts;
using Smart.Modules.Reporting.Definitions;
using Smart.Modules.Reporting.Journal;
using Smart.Modules.Reporting.Projections;
using Smart.Modules.Reporting.Tables;

namespace Smart.UnitTests.Reporting;

/// <summary>The offices' typology and local budgets, by Governance's rule (SmartFr: active from 3,000 € or 3 contracts; 20 % of the contribution).</summary>
public sealed class OfficesTypologyTests
{
    private static readonly Guid Entity = Guid.NewGuid(), Lille = Guid.NewGuid(), Paris = Guid.NewGuid();
    private static readonly MemberTypologyRule SmartFr = new(3_000m, 3);

    [Theory]
    [InlineData(2_999.99, 2, 2, MemberTypology.Occasional)]
    [InlineData(3_000.00, 1, 0, MemberTypology.Active)]
    [InlineData(0, 0, 3, MemberTypology.Active)]
    [InlineData(0, 0, 1, MemberTypology.Occasional)]
    [InlineData(-100.00, 1, 0, MemberTypology.Occasional)]
    [InlineData(0, 0, 0, MemberTypology.Inactive)]
    public void Given_a_year_of_revenue_invoices_and_contracts_Then_the_typology_is_Governances(decimal revenue, int invoices, int contracts, MemberTypology expected) =>
        Assert.Equal(expected, SmartFr.Classify(revenue, invoices, contracts));

    [Fact]
    public void Given_a_credit_note_of_400_on_an_invoice_of_1000_with_100_of_contribution_Then_it_takes_back_40() =>
        Assert.Equal(40.00m, LocalBudgets.CreditNoteContribution(1_000m, 100m, 400m));

    [Fact]
    public void Given_invoices_under_two_rule_versions_and_a_credit_note_Then_each_day_is_shared_by_the_rules_in_force_on_it()
    {
        var coordinator = Guid.NewGuid();
        var year = new OfficeContributionYear();
        year.Absorb(Invoice(coordinator, new DateOnly(2026, 2, 10), 1_000m, 100m));
        year.Absorb(Invoice(coordinator, new DateOnly(2026, 7, 1), 2_000m, 200m));
        year.Absorb(Invoice(coordinator, new DateOnly(2026, 7, 1), 500m, 50m));
        year.Absorb(new CreditNoteRecorded(Guid.NewGuid(), Guid.NewGuid(), Entity, Lille, Guid.NewGuid(), null, coordinator, Guid.NewGuid(), "FR", new DateOnly(2026, 7, 15),
            200m, Contribution: 20m));
        MemberLifeRulesVersion[] rules = [new(new DateOnly(2026, 1, 1), 3_000m, 3, 0.20m), new(new DateOnly(2026, 7, 1), 3_000m, 3, 0.25m)];

        // 100 × 20 % + (200 + 50) × 25 % − 20 × 25 % = 20.00 + 62.50 − 5.00
        Assert.Equal(77.50m, year.LocalBudget(rules));
        // Before any rules in force, a day counts nothing: only the July days, at 25 %.
        Assert.Equal(57.50m, year.LocalBudget([rules[1]]));
    }

    [Fact]
    public void Given_members_at_and_just_under_the_thresholds_Then_the_offices_table_classifies_them_by_the_rules_in_force_on_31_December()
    {
        var (alice, bruno, chloe, denis) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        MemberProfile[] members = [Member(alice, Lille), Member(bruno, Lille), Member(chloe, Paris), Member(denis, Paris)];
        PersonYear[] persons = [Person(alice, 2_999.99m, 3, 2), Person(bruno, 3_000m, 1, 0), Person(chloe, 0m, 0, 1)];
        var lille = new OfficeContributionYear();
        lille.Absorb(Invoice(alice, new DateOnly(2026, 3, 2), 1_000m, 100m));
        // The June version (2,999.99 €) is in force on 31 December: Alice at 2,999.99 € with 2 contracts is active by it, not by the January one.
        MemberLifeRulesVersion[] rules = [new(new DateOnly(2026, 1, 1), 3_000m, 3, 0.20m), new(new DateOnly(2026, 6, 1), 2_999.99m, 3, 0.50m)];
        var context = new ReportContext(Entity, 2026, DefinitionsVersion.Default, null!, new Dictionary<Guid, string> { [Lille] = "Lille", [Paris] = "Paris" });

        var table = OfficesSection.Build(context, members, persons, [], [], [lille], rules, new OfficeAdvisors()).Single(t => t.Key == "typologie-bureaux");

        // inscrits, inactifs, occasionnels, actifs, part des actifs, budget local (100 × 20 %: the invoice's date is under the January version)
        Assert.Equal<decimal?>([2m, 0m, 0m, 2m, 1m, 20.00m], table.Rows.Single(r => r.Label == "Lille").Values);
        Assert.Equal<decimal?>([2m, 1m, 1m, 0m, 0m, 0m], table.Rows.Single(r => r.Label == "Paris").Values);
        Assert.Equal<decimal?>([4m, 1m, 1m, 2m, 1m, 20.00m], table.Total.Values);
    }

    [Fact]
    public void Given_no_rules_in_force_on_31_December_Then_nobody_is_classified_and_the_note_says_so()
    {
        var context = new ReportContext(Entity, 2026, DefinitionsVersion.Default, null!, new Dictionary<Guid, string>());

        var table = OfficesSection.Build(context, [Member(Guid.NewGuid(), Lille)], [], [], [], [], [new(new DateOnly(2027, 1, 1), 3_000m, 3, 0.20m)], new OfficeAdvisors())
            .Single(t => t.Key == "typologie-bureaux");

        Assert.Empty(table.Rows);
        Assert.Contains("Aucune règle", table.Note);
    }

    [Fact]
    public void Given_advisors_who_came_left_and_moved_Then_the_offices_table_counts_those_attached_on_31_December()
    {
        var (stays, leaves, moves, arrives, endsFirst) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var advisors = new OfficeAdvisors();
        advisors.Absorb(new AdvisorAssignmentNoted(stays, Entity, Lille, new DateOnly(2019, 9, 2)));
        advisors.Absorb(new AdvisorAssignmentNoted(leaves, Entity, Lille, new DateOnly(2020, 1, 6)));
        advisors.Absorb(new AdvisorAssignmentEndNoted(leaves, Entity, Lille, new DateOnly(2026, 12, 30)));
        // Paris until 31 December, Lille from 1 January: Paris's on the 31st of 2026, Lille's in 2027.
        advisors.Absorb(new AdvisorAssignmentNoted(moves, Entity, Paris, new DateOnly(2024, 3, 1)));
        advisors.Absorb(new AdvisorAssignmentEndNoted(moves, Entity, Paris, new DateOnly(2026, 12, 31)));
        advisors.Absorb(new AdvisorAssignmentNoted(Guid.NewGuid(), Entity, Lille, new DateOnly(2027, 1, 1)));
        advisors.Absorb(new AdvisorAssignmentNoted(arrives, Entity, Paris, new DateOnly(2026, 12, 31)));
        // An end that arrives before its assignment counts nobody; it is kept and applied when the assignment comes.
        advisors.Absorb(new AdvisorAssignmentEndNoted(endsFirst, Entity, Paris, new DateOnly(2026, 6, 30)));
        Assert.Equal(1, advisors.On(Paris, new DateOnly(2026, 3, 1)));
        advisors.Absorb(new AdvisorAssignmentNoted(endsFirst, Entity, Paris, new DateOnly(2025, 1, 1)));
        Assert.Equal(2, advisors.On(Paris, new DateOnly(2026, 3, 1)));

        Assert.Equal<decimal?>([1m, 2m, 3m], Advisors(2026));
        Assert.Equal<decimal?>([2m, 1m, 3m], Advisors(2027));
        Assert.Equal<decimal?>([2m, 2m, 4m], Advisors(2025));

        decimal?[] Advisors(int year)
        {
            var context = new ReportContext(Entity, year, DefinitionsVersion.Default, null!, new Dictionary<Guid, string> { [Lille] = "Lille", [Paris] = "Paris" });
            var table = OfficesSection.Build(context, [], [], [], [], [], [], advisors).Single(t => t.Key == "bureaux");
            return [table.Rows.Single(r => r.Label == "Lille").Values[0], table.Rows.Single(r => r.Label == "Paris").Values[0], table.Total.Values[0]];
        }
    }

    private static InvoiceRecorded Invoice(Guid coordinator, DateOnly date, decimal net, decimal contribution) =>
        new(Guid.NewGuid(), Entity, Lille, Guid.NewGuid(), null, coordinator, Guid.NewGuid(), "FR", RevenueDocumentType.Invoice, date, net, Contribution: contribution);

    private static MemberProfile Member(Guid id, Guid office) =>
        new() { Id = id, EntityId = Entity, OfficeId = office, RegisteredOn = new DateOnly(2025, 1, 1) };

    private static PersonYear Person(Guid member, decimal net, int invoices, int contracts) =>
        new() { EntityId = Entity, MemberId = member, Year = 2026, InvoicedNet = net, Invoices = invoices, Contracts = contracts, Documents = invoices + contracts };
}
