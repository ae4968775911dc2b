using Smart.Modules.Activities.Contracts;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Reporting.Seed;

namespace Smart.UnitTests.Reporting;

public sealed class ScaleYearTests
{
    private static readonly Guid Entity = new("00000000-0000-0000-0000-000000000001");
    private static readonly Guid[] Offices = [.. Enumerable.Range(1, 10).Select(i => new Guid($"00000000-0000-0000-0000-{i:D12}"))];

    // Scale 0.05: 1,100 members, 11,000 invoices, 10,900 contracts (seed 2018).
    private static readonly ScaleYearEvents Year = ScaleYear.Generate(Entity, Offices, 2018, 0.05);

    [Fact]
    public void Given_scale_5_percent_Then_the_counts_are_the_2018_counts_scaled()
    {
        Assert.Equal(1_100, Year.Members.Count);
        Assert.Equal(1_100, Year.Activities.Count);
        Assert.Equal(11_000, Year.Invoices.Count);
        Assert.Equal(10_900, Year.Contracts.Count);
        Assert.Equal(10_900, Year.Payslips.Count);
        // About 45,000 reminders at 1.0; 2 % of invoices credited; invoices handed to the legal service stay unpaid.
        Assert.Equal(2_239, Year.Reminders.Count);
        Assert.Equal(210, Year.CreditNotes.Count);
        Assert.Equal(10_840, Year.Payments.Count);
    }

    [Fact]
    public void Given_the_same_seed_Then_the_year_is_the_same()
    {
        var again = ScaleYear.Generate(Entity, Offices, 2018, 0.05);
        Assert.Equal(Year.Members, again.Members);
        Assert.Equal(Year.Invoices, again.Invoices);
        Assert.Equal(Year.Contracts, again.Contracts);
    }

    [Fact]
    public void Given_scale_5_percent_Then_offices_genders_and_ages_follow_the_2016_shares()
    {
        // Paris (first office) 19.8 %, Clermont-Ferrand (last) 3.3 %.
        // 205 = 18.6 %, 44 = 4.0 %, 634 = 57.6 %, 465 = 42.3 %.
        Assert.Equal(205, Year.Members.Count(m => m.OfficeId == Offices[0]));
        Assert.Equal(44, Year.Members.Count(m => m.OfficeId == Offices[9]));
        Assert.Equal(634, Year.Members.Count(m => m.Gender == Gender.Female));
        // 30–40 at the year's end: 41.4 %.
        Assert.Equal(465, Year.Members.Count(m => 2018 - m.BirthDate!.Value.Year is >= 30 and <= 40));
    }

    [Fact]
    public void Given_scale_5_percent_Then_billing_bands_clients_and_contracts_follow_the_design()
    {
        var billing = Year.Invoices.GroupBy(i => i.ActivityId).Select(g => g.Sum(i => i.TotalNet) / 12).ToList();
        // 2,157 / 1,418 / 580 / 445 of 4,600 members: 46.9 %, 30.8 %, 12.6 %, 9.7 %.
        // 530 = 48.2 %, 318 = 28.9 %, 137 = 12.5 %, 115 = 10.5 %; 9,825 invoices to French clients = 89.3 %.
        Assert.Equal(530, billing.Count(b => b < 500m));
        Assert.Equal(318, billing.Count(b => b is >= 500m and < 1500m));
        Assert.Equal(137, billing.Count(b => b is >= 1500m and < 3000m));
        Assert.Equal(115, billing.Count(b => b >= 3000m));
        Assert.Equal(9_825, Year.Invoices.Count(i => i.ClientCountry == "FR"));
        Assert.Equal(1_105, Year.Invoices.Count(i => i.DocumentType == InvoiceDocumentType.QuotedInvoice));
        // 6.3 days per contract in 2022; here 6.25 on average by construction.
        Assert.Equal(6.28m, Math.Round(Year.Contracts.Average(c => c.Days!.Value), 2));
        Assert.All(Year.Contracts, c => Assert.Equal(c.Days!.Value * 8m, c.Hours));
    }

    [Fact]
    public void Given_scale_5_percent_Then_legal_hand_offs_are_provisioned_and_places_have_residencies_bookings_and_events()
    {
        // 160 invoices reach the legal hand-off (step 3), about half of them written off; a place per office with 3 resources;
        // 600 × 0.05 residencies, 20,000 × 0.05 bookings (5 % cancelled), 30 × 0.05 ≈ 2 events a place.
        Assert.Equal((160, 77, 77, 10, 30, 30, 239, 1_000, 52, 20),
            (Year.Provisions.Count, Year.ProvisionReversals.Count, Year.WriteOffs.Count, Year.Spaces.Places.Count, Year.Spaces.Resources.Count,
                Year.Spaces.Residencies.Count, Year.Spaces.ResidencyMonths.Sum(m => m.Count), Year.Spaces.Bookings.Count, Year.Spaces.BookingCancellations.Count,
                Year.Spaces.Events.Count));
    }

    [Fact]
    public void Given_the_waves_Then_no_invoice_or_residency_has_two_facts_in_one_wave()
    {
        foreach (var wave in Year.Waves)
        {
            var invoices = wave.OfType<Smart.Modules.Collections.Contracts.ReminderSent>().Select(r => r.InvoiceId)
                .Concat(wave.OfType<Smart.Modules.Collections.Contracts.InvoicePaid>().Select(p => p.InvoiceId))
                .Concat(wave.OfType<Smart.Modules.Collections.Contracts.InvoiceProvisionBooked>().Select(p => p.InvoiceId)).ToList();
            Assert.Equal(invoices.Count, invoices.Distinct().Count());
            var residencies = wave.OfType<Smart.Modules.Spaces.Contracts.ResidencyMonthCharged>().Select(m => m.ResidencyId).ToList();
            Assert.Equal(residencies.Count, residencies.Distinct().Count());
        }
    }
}
