using Smart.Modules.Activities.Contracts;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Contracts;
using ContractKind = Smart.Modules.Payroll.Contracts.ContractKind;

namespace Smart.Modules.Reporting.Seed;

/// <summary>
/// A year of one entity at the 2018 scale (DESIGN.md §3), as the other modules' integration events would tell it:
/// ~22,000 members, ~220,000 invoices, ~218,000 contracts with their payslips, ~45,000 reminders, the provisions and
/// write-offs of the invoices handed to the legal service, and a place per office (<see cref="ScaleSpaces"/>). Pure and deterministic
/// (seeded <see cref="Random"/>s, ids drawn from them); <c>scale</c> 1.0 is 2018, lower runs small. The events come in
/// waves: a wave's events only refer to facts of earlier waves, so a wave can be delivered in any order.
/// </summary>
internal static class ScaleYear
{
    public const int Members2018 = 22_000;
    public const int Invoices2018 = 220_000;
    public const int Contracts2018 = 218_000;
    public const int Reminders2018 = 45_000;

    /// <summary>The share of an invoice handed to the legal service that is provisioned.</summary>
    public const decimal ProvisionRate = 0.5m;

    /// <summary>Members by office (France 2016), in the order of the offices given; more offices share the rest evenly.</summary>
    public static readonly double[] OfficeShares = [19.8, 18.6, 12.8, 8.5, 8.4, 7.5, 7.4, 7.2, 6.5, 3.3];

    /// <summary>Age at the year's end: &lt; 20, 20–30, 30–40, 41–50, 51+ (their lower and upper ages) and shares in %.</summary>
    public static readonly (int From, int To, double Share)[] AgeBands = [(18, 19, 0.5), (20, 29, 20.1), (30, 40, 41.4), (41, 50, 24.1), (51, 66, 13.9)];

    /// <summary>Monthly billing per member (2022): 0–500, 500–1,500, 1,500–3,000, &gt; 3,000 EUR, and members in each.</summary>
    public static readonly (decimal From, decimal To, double Share)[] BillingBands = [(50m, 500m, 2157), (500m, 1500m, 1418), (1500m, 3000m, 580), (3000m, 8000m, 445)];

    public static readonly (string Country, double Share)[] ClientCountries = [("FR", 88), ("BE", 6), ("CH", 3), ("DE", 2), ("IT", 1)];

    public static ScaleYearEvents Generate(Guid entityId, IReadOnlyList<Guid> offices, int year, double scale, int seed = 2018)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        ArgumentOutOfRangeException.ThrowIfZero(offices.Count);
        var random = new Random(seed);
        var officeWeights = offices.Select((_, i) => i < OfficeShares.Length ? OfficeShares[i] : OfficeShares[^1]).ToArray();
        var first = new DateOnly(year, 1, 1);
        var members = (int)Math.Round(Members2018 * scale);
        var invoices = Math.Max(members, (int)Math.Round(Invoices2018 * scale));
        var contracts = Math.Max(members, (int)Math.Round(Contracts2018 * scale));
        // Reminders: a share of invoices gets a first one, a third of those a second, a third of those the last (legal hand-off).
        var firstReminderShare = Reminders2018 / (double)Invoices2018 / (1 + 1 / 3.0 + 1 / 9.0);

        var registered = new List<MemberRegistered>(members);
        var opened = new List<ActivityOpened>(members);
        var monthly = new decimal[members];
        for (var m = 0; m < members; m++)
        {
            var memberId = NextGuid(random);
            var office = offices[Pick(random, officeWeights)];
            var band = AgeBands[Pick(random, AgeBands.Select(b => b.Share).ToArray())];
            var age = random.Next(band.From, band.To + 1);
            var birth = new DateOnly(year - age, 1, 1).AddDays(random.Next(0, 365));
            var gender = random.NextDouble() < 0.6 ? Gender.Female : Gender.Male;
            // Most members are older than the year; a fifth joins during it.
            var registeredOn = random.NextDouble() < 0.2 ? first.AddDays(random.Next(0, 180)) : first.AddDays(-random.Next(1, 3650));
            registered.Add(new MemberRegistered(memberId, MemberKind.Person, $"Member {m + 1}", $"member{m + 1}@scale.smart.coop", entityId, office, registeredOn, gender, birth));
            var kind = (ActivityKind)(m % 5);
            opened.Add(new ActivityOpened(NextGuid(random), entityId, office, memberId, $"Activity {m + 1}", kind, 1, registeredOn));
            var billing = BillingBands[Pick(random, BillingBands.Select(b => b.Share).ToArray())];
            monthly[m] = billing.From + (billing.To - billing.From) * (decimal)random.NextDouble();
        }

        // Invoices: each member's share of the count, its year's billing (12 × monthly) split evenly among them.
        var perMember = Spread(random, invoices, members);
        var issued = new List<InvoiceIssued>(invoices);
        var creditNotes = new List<CreditNoteIssued>();
        var reminders = new List<ReminderSent>();
        var paid = new List<InvoicePaid>();
        var provisions = new List<InvoiceProvisionBooked>();
        var reversals = new List<InvoiceProvisionReversed>();
        var writeOffs = new List<InvoiceWrittenOff>();
        // Its own draws, so that the rest of the year stays what it was before provisions were generated.
        var doubtful = new Random(seed + 1);
        var countryWeights = ClientCountries.Select(c => c.Share).ToArray();
        for (var m = 0; m < members; m++)
        {
            var activity = opened[m];
            var clients = new[] { NextGuid(random), NextGuid(random), NextGuid(random) };
            var country = ClientCountries[Pick(random, countryWeights)].Country;
            for (var i = 0; i < perMember[m]; i++)
            {
                var net = Math.Round(monthly[m] * 12 / perMember[m], 2);
                var issueDate = first.AddDays(random.Next(0, 365));
                var invoiceId = NextGuid(random);
                var quoted = random.NextDouble() < 0.1;
                issued.Add(new InvoiceIssued(invoiceId, $"S{year}-{issued.Count + 1:D6}", entityId, activity.ActivityId, clients[i % 3], $"Client {i % 3 + 1} of member {m + 1}",
                    "Company", issueDate, issueDate.AddDays(30), net, Math.Round(net * 0.2m, 2), Math.Round(net * 1.2m, 2), "EUR", Math.Round(net * 0.065m, 2),
                    activity.OfficeId, activity.CoordinatorId, null, random.NextDouble() < 0.1 ? ClientCountries[Pick(random, countryWeights)].Country : country,
                    quoted ? InvoiceDocumentType.QuotedInvoice : InvoiceDocumentType.Invoice, activity.Kind));
                var gross = Math.Round(net * 1.2m, 2);
                if (random.NextDouble() < 0.02)
                {
                    var credited = Math.Round(net * (decimal)(0.2 + 0.8 * random.NextDouble()), 2);
                    creditNotes.Add(new CreditNoteIssued(NextGuid(random), $"C{year}-{creditNotes.Count + 1:D6}", invoiceId, entityId, activity.ActivityId,
                        issueDate.AddDays(random.Next(1, 30)), credited, Math.Round(credited * 0.2m, 2), Math.Round(credited * 1.2m, 2), "EUR"));
                    gross -= Math.Round(credited * 1.2m, 2);
                }
                var steps = 0;
                if (random.NextDouble() < firstReminderShare) steps = random.NextDouble() < 1 / 3.0 ? (random.NextDouble() < 1 / 3.0 ? 3 : 2) : 1;
                for (var step = 1; step <= steps; step++)
                {
                    var channel = step switch { 1 => ReminderChannel.Email, 2 => ReminderChannel.Letter, _ => ReminderChannel.LegalHandOff };
                    reminders.Add(new ReminderSent(invoiceId, InvoiceSource.ActivityInvoice, entityId, activity.OfficeId, activity.ActivityId, activity.CoordinatorId,
                        step, channel, issueDate.AddDays(30 + 15 * step), gross));
                }
                // Invoices handed to the legal service stay unpaid, half provisioned 90 days after their due date, and half of those
                // written off (their provision reversed); the others are paid, later when reminded.
                if (steps < 3 && gross > 0)
                {
                    paid.Add(new InvoicePaid(invoiceId, activity.ActivityId, gross, issueDate.AddDays(random.Next(5, 30) + 15 * steps)));
                }
                else if (steps == 3 && gross > 0)
                {
                    var provision = Math.Round(gross * ProvisionRate, 2);
                    provisions.Add(new InvoiceProvisionBooked(invoiceId, InvoiceSource.ActivityInvoice, entityId, activity.OfficeId, activity.ActivityId,
                        issueDate.AddDays(30 + 90), 90, ProvisionRate, provision, provision));
                    if (doubtful.NextDouble() < 0.5)
                    {
                        var on = issueDate.AddDays(30 + 180);
                        reversals.Add(new InvoiceProvisionReversed(invoiceId, InvoiceSource.ActivityInvoice, entityId, activity.OfficeId, activity.ActivityId, on,
                            ProvisionRate, provision, ProvisionReversalReason.WrittenOff, 0m));
                        writeOffs.Add(new InvoiceWrittenOff(invoiceId, activity.ActivityId, gross, on));
                    }
                }
            }
        }

        // Contracts: each member's share of the count; 6.25 days on average (half days from 1 to 11.5), 8 hours a day.
        var contractsPerMember = Spread(random, contracts, members);
        var declared = new List<ContractDeclared>(contracts);
        var payslips = new List<PayslipIssued>(contracts);
        for (var m = 0; m < members; m++)
        {
            var activity = opened[m];
            for (var i = 0; i < contractsPerMember[m]; i++)
            {
                var days = random.Next(2, 24) / 2m;
                var start = first.AddDays(random.Next(0, 365 - 12));
                var end = start.AddDays((int)Math.Ceiling(days) - 1);
                var draw = random.NextDouble();
                var kind = draw < 0.8 ? ContractKind.Cddu : draw < 0.98 ? ContractKind.Cdd : ContractKind.Cdi;
                draw = random.NextDouble();
                var category = draw < 0.45 ? ContractCategory.Artistic : draw < 0.95 ? ContractCategory.Employee : ContractCategory.Student;
                var gross = Math.Round(days * (140m + 80m * (decimal)random.NextDouble()), 2);
                var requestId = NextGuid(random);
                declared.Add(new ContractDeclared(NextGuid(random), requestId, activity.ActivityId, entityId, activity.CoordinatorId, kind, category, false, start, end,
                    days, days * 8m, "Artist", $"DPAE-{year}-{declared.Count + 1:D6}", start.AddDays(-1), gross, activity.OfficeId));
                payslips.Add(new PayslipIssued(NextGuid(random), requestId, activity.ActivityId, activity.CoordinatorId, end.AddDays(10), gross, Math.Round(gross * 1.45m, 2),
                    entityId, kind, category, start));
            }
        }

        // The entity's member life rules, SmartFr's, in force all year (the offices' typology and local budgets).
        MemberLifeRulesSet[] rules = [new(entityId, first, 3_000m, 3, 0.20m, first)];
        return new ScaleYearEvents(registered, opened, issued, creditNotes, declared, payslips, reminders, paid, provisions, reversals, writeOffs,
            ScaleSpaces.Generate(entityId, offices, registered, year, scale, seed + 2), rules);
    }

    /// <summary>An index drawn with the given weights.</summary>
    private static int Pick(Random random, double[] weights)
    {
        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            draw -= weights[i];
            if (draw < 0) return i;
        }
        return weights.Length - 1;
    }

    /// <summary><paramref name="total"/> spread over <paramref name="count"/> holders, each at least one, uneven (from 1 to twice the mean).</summary>
    private static int[] Spread(Random random, int total, int count)
    {
        var shares = new int[count];
        Array.Fill(shares, 1);
        var mean = (double)total / count;
        var left = total - count;
        for (var i = 0; i < count && left > 0; i++)
        {
            var extra = Math.Min(left, random.Next(0, (int)Math.Round(2 * (mean - 1)) + 1));
            shares[i] += extra;
            left -= extra;
        }
        for (var i = 0; left > 0; i = (i + 1) % count, left--) shares[i]++;
        return shares;
    }

    internal static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}

/// <summary>The year's events, and the waves to deliver them in (a fact's stream must start before others join it).</summary>
internal sealed record ScaleYearEvents(
    IReadOnlyList<MemberRegistered> Members,
    IReadOnlyList<ActivityOpened> Activities,
    IReadOnlyList<InvoiceIssued> Invoices,
    IReadOnlyList<CreditNoteIssued> CreditNotes,
    IReadOnlyList<ContractDeclared> Contracts,
    IReadOnlyList<PayslipIssued> Payslips,
    IReadOnlyList<ReminderSent> Reminders,
    IReadOnlyList<InvoicePaid> Payments,
    IReadOnlyList<InvoiceProvisionBooked> Provisions,
    IReadOnlyList<InvoiceProvisionReversed> ProvisionReversals,
    IReadOnlyList<InvoiceWrittenOff> WriteOffs,
    ScaleSpacesEvents Spaces,
    IReadOnlyList<MemberLifeRulesSet> Rules)
{
    // An invoice's reminders are one per wave (its stream takes one fact at a time); payments and provisions are on different invoices.
    public IReadOnlyList<IReadOnlyList<object>> Waves =>
    [
        [.. Members, .. Activities, .. Rules],
        [.. Invoices, .. Contracts],
        [.. CreditNotes, .. Payslips],
        .. Reminders.GroupBy(r => r.Step).OrderBy(g => g.Key).Select(g => (IReadOnlyList<object>)[.. g]),
        [.. Payments, .. Provisions],
        [.. ProvisionReversals],
        [.. WriteOffs],
        .. Spaces.Waves,
    ];

    public int Count => Members.Count + Activities.Count + Invoices.Count + CreditNotes.Count + Contracts.Count + Payslips.Count + Reminders.Count + Payments.Count
        + Provisions.Count + ProvisionReversals.Count + WriteOffs.Count + Spaces.Count + Rules.Count;
}
