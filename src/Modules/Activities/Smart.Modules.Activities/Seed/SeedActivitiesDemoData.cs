using Bogus;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Messaging;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.Persistence;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Activities.Seed;

/// <summary>
/// The local default's demo activities, built from the members Governance published: a few hundred activities
/// shaped like the cooperative's trades, clients mostly in France, and invoices and credit notes from 2024 to
/// today, numbered in date order and booked on the ledger, and salary requests for work in the coming weeks on about a
/// quarter of the activities (Payroll turns them into contracts and payslips). Idempotent: does nothing once activities exist.
/// </summary>
internal sealed record SeedActivitiesDemoData;

internal sealed class SeedActivitiesDemoDataHandler(ActivitiesDbContext db, IMessageBus bus, TimeProvider clock)
{
    private static readonly (ActivityKind Kind, double Weight, string[] Lines)[] Trades =
    [
        (ActivityKind.LivePerformance, 40, ["Représentation du spectacle « {0} »", "Cachet concert — {0}", "Concert en trio, {0}", "Résidence de création, {0}"]),
        (ActivityKind.Training, 20, ["Formation « {0} » — journée", "Atelier d'initiation, {0}", "Module de formation {0}"]),
        (ActivityKind.CreativeProjects, 25, ["Identité visuelle — {0}", "Création du site web {0}", "Illustrations pour {0}", "Maquette et mise en page, {0}"]),
        (ActivityKind.Audiovisual, 15, ["Captation vidéo — {0}", "Montage du film {0}", "Prise de son, {0}"]),
    ];

    private static readonly (string Country, ClientTypology Typology, double Weight)[] ClientKinds =
    [
        ("FR", ClientTypology.Company, 30), ("FR", ClientTypology.Association, 30), ("FR", ClientTypology.PublicBody, 25), ("FR", ClientTypology.Individual, 5),
        ("BE", ClientTypology.Abroad, 4), ("CH", ClientTypology.Abroad, 2), ("DE", ClientTypology.Abroad, 2), ("IT", ClientTypology.Abroad, 2),
    ];

    public async Task HandleAsync(SeedActivitiesDemoData command, CancellationToken cancellationToken)
    {
        if (await db.Activities.AnyAsync(cancellationToken))
        {
            return;
        }
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var firstDay = new DateOnly(2024, 1, 2);
        var faker = new Faker("fr") { Random = new Randomizer(2022) };
        var members = await db.Members.OrderBy(m => m.MemberId).ToListAsync(cancellationToken);
        var rules = await db.EntityRules.ToListAsync(cancellationToken);
        var paymentTerms = await db.PaymentTermsDefaults.ToListAsync(cancellationToken);
        var balances = new Dictionary<Guid, decimal>();

        var clients = new List<Client>();
        foreach (var entityId in members.Select(m => m.EntityId).Distinct())
        {
            for (var i = 0; i < 60; i++)
            {
                var (country, typology, _) = ClientKinds[Pick(faker, ClientKinds.Select(k => k.Weight))];
                var name = typology switch
                {
                    ClientTypology.PublicBody => faker.PickRandom("Mairie de ", "Médiathèque de ", "Conseil départemental — ", "Lycée de ") + faker.Address.City(),
                    ClientTypology.Association => faker.PickRandom("Festival ", "Compagnie ", "Association ", "MJC ") + faker.Lorem.Word().ToUpperInvariant()[..1] + faker.Lorem.Word()[1..],
                    ClientTypology.Individual => faker.Name.FullName(),
                    _ => faker.Company.CompanyName(),
                };
                var terms = paymentTerms.Where(t => t.Typology == typology && t.EffectiveFrom <= today).MaxBy(t => t.EffectiveFrom)!.Days;
                var legalForm = typology switch
                {
                    ClientTypology.PublicBody => ClientLegalForm.PublicBody,
                    ClientTypology.Association => ClientLegalForm.Association,
                    ClientTypology.Individual => ClientLegalForm.Individual,
                    _ => ClientLegalForm.Company,
                };
                var vat = legalForm == ClientLegalForm.Company ? $"{country}{faker.Random.Long(10_000_000_000, 99_999_999_999)}" : null;
                clients.Add(Client.Register(entityId, name, country, legalForm, vat,
                    new BillingAddress(faker.Address.StreetAddress(), null, faker.Address.ZipCode(), faker.Address.City(), country),
                    faker.Internet.Email(provider: "client.example.org"), typology, terms));
            }
        }
        db.Clients.AddRange(clients);

        var activities = new List<(Activity Activity, string[] Lines)>();
        foreach (var member in members)
        {
            var count = member.Kind == MemberKind.LegalEntity ? 1 : faker.Random.WeightedRandom([0, 1, 2], [0.25f, 0.55f, 0.20f]);
            for (var i = 0; i < count; i++)
            {
                var trade = member.Kind == MemberKind.LegalEntity ? (ActivityKind.ContractManagement, 0, ["Gestion des contrats de {0}"]) : Trades[Pick(faker, Trades.Select(t => t.Weight))];
                var opened = DateOnly.FromDateTime(faker.Date.Between(new DateTime(2023, 9, 1), new DateTime(2025, 12, 31)));
                var name = trade.Kind switch
                {
                    ActivityKind.LivePerformance => "Compagnie " + faker.Lorem.Word() + " " + faker.Lorem.Word(),
                    ActivityKind.Training => "Formations " + member.DisplayName,
                    ActivityKind.ContractManagement => member.DisplayName,
                    _ => "Studio " + member.DisplayName.Split(' ')[^1],
                };
                activities.Add((Activity.Open(member.MemberId, member.EntityId, member.OfficeId, name, trade.Kind, faker.Random.WeightedRandom([1, 2, 3], [0.7f, 0.25f, 0.05f]), opened), trade.Item3));
            }
        }
        db.Activities.AddRange(activities.Select(a => a.Activity));
        // As OpenActivity does: Payroll keeps a copy of each activity and its coordinator (CDI smoothing).
        foreach (var (activity, _) in activities)
        {
            await bus.PublishAsync(new ActivityOpened(activity.Id, activity.EntityId, activity.OfficeId, activity.CoordinatorId, activity.Name,
                activity.Kind.ToString(), activity.ServiceTier, activity.OpenedOn));
        }

        // Invoices in date order, so that numbers follow dates within each entity and year.
        var planned = (from a in activities
                       from n in Enumerable.Range(0, faker.Random.Int(1, 8))
                       let start = a.Activity.OpenedOn > firstDay ? a.Activity.OpenedOn : firstDay
                       where start < today
                       select (a.Activity, a.Lines, Date: DateOnly.FromDateTime(faker.Date.Between(start.ToDateTime(TimeOnly.MinValue), today.ToDateTime(TimeOnly.MinValue)))))
            .OrderBy(p => p.Date).ToList();
        foreach (var (activity, lines, date) in planned)
        {
            var client = faker.PickRandom(clients.Where(c => c.EntityId == activity.EntityId).ToList());
            var entityRules = rules.Where(r => r.EntityId == activity.EntityId && r.EffectiveFrom <= date).MaxBy(r => r.EffectiveFrom);
            if (entityRules is null) continue;
            var invoiceLines = Enumerable.Range(0, faker.Random.WeightedRandom([1, 2, 3], [0.7f, 0.2f, 0.1f]))
                .Select(_ => new InvoiceLine(string.Format(faker.PickRandom(lines), faker.Lorem.Word()), faker.Random.WeightedRandom([1m, 2m, 3m], [0.75f, 0.15f, 0.1f]),
                    Math.Round(faker.Random.Decimal(150m, 2500m) / 10m) * 10m, entityRules.DefaultVatRate))
                .ToList();
            var number = await db.NextAsync(activity.EntityId, DocumentKind.Invoice, date, today, cancellationToken);
            var invoice = Invoice.Issue(number, activity, client, invoiceLines, date, entityRules.ContributionRate, vatMention: null);
            db.Invoices.Add(invoice);
            var entries = invoice.BudgetEntries(now);
            db.BudgetEntries.AddRange(entries);
            balances[activity.Id] = balances.GetValueOrDefault(activity.Id) + entries.Sum(e => e.Amount);
            await bus.PublishAsync(new InvoiceIssued(invoice.Id, invoice.Number, invoice.EntityId, invoice.ActivityId, client.Id, client.Name, client.Typology.ToString(),
                invoice.IssueDate, invoice.DueDate, invoice.TotalNet, invoice.TotalVat, invoice.TotalGross, Invoice.Currency, invoice.ContributionAmount));

            if (faker.Random.Double() < 0.03 && date.AddDays(10) <= today)
            {
                var creditDate = date.AddDays(10);
                var creditNumber = await db.NextAsync(activity.EntityId, DocumentKind.CreditNote, creditDate, today, cancellationToken);
                var credit = invoice.Credit(creditNumber, Money.RoundToCents(invoice.TotalNet * faker.Random.Decimal(0.1m, 0.5m)), creditDate, "Prestation réduite à la demande du client");
                db.CreditNotes.Add(credit);
                var creditEntries = credit.BudgetEntries(now);
                db.BudgetEntries.AddRange(creditEntries);
                balances[activity.Id] += creditEntries.Sum(e => e.Amount);
            }
        }

        await RequestSalariesAsync(faker, activities.Select(a => a.Activity), balances, today);
    }

    /// <summary>
    /// Salaries for work in the next three weeks on about a quarter of the activities, each drawing 30–60 % of the balance
    /// but no more than 250–600 a day worked (contracts must not be retroactive, so demo salaries are all to come). Artists
    /// get a CDDU, the others a CDD.
    /// </summary>
    private async Task RequestSalariesAsync(Faker faker, IEnumerable<Activity> activities, Dictionary<Guid, decimal> balances, DateOnly today)
    {
        foreach (var activity in activities.Where(a => a.Kind != ActivityKind.ContractManagement))
        {
            var balance = balances.GetValueOrDefault(activity.Id);
            if (faker.Random.Double() >= 0.25 || balance < 400m) continue;
            var artistic = activity.Kind is ActivityKind.LivePerformance or ActivityKind.Audiovisual;
            var start = today.AddDays(faker.Random.Int(1, 21));
            var days = faker.Random.WeightedRandom([1, 2, 3], [0.6f, 0.3f, 0.1f]);
            var job = activity.Kind switch
            {
                ActivityKind.LivePerformance => faker.PickRandom("Musicien", "Comédienne", "Danseur", "Technicien son"),
                ActivityKind.Audiovisual => faker.PickRandom("Monteuse", "Cadreur", "Ingénieur du son"),
                ActivityKind.Training => "Formatrice",
                _ => faker.PickRandom("Graphiste", "Développeur web", "Illustratrice"),
            };
            var request = SalaryRequest.Request(activity, SalaryBudget.From(balance, [], [], guaranteeFundAdvanceAllowed: false),
                Math.Round(Math.Min(balance * faker.Random.Decimal(0.3m, 0.6m), days * faker.Random.Decimal(250m, 600m)) / 10m) * 10m, artistic ? SalaryContractKind.Cddu : SalaryContractKind.Cdd,
                artistic ? SalaryCategory.Artistic : SalaryCategory.Employee, start, start.AddDays(days - 1), days, null, job, today);
            db.SalaryRequests.Add(request);
            await bus.PublishAsync(request.ToSalaryRequested());
        }
    }

    private static int Pick(Faker faker, IEnumerable<double> weights)
    {
        var list = weights.ToList();
        var draw = faker.Random.Double() * list.Sum();
        for (var i = 0; i < list.Count; i++)
        {
            draw -= list[i];
            if (draw < 0) return i;
        }
        return list.Count - 1;
    }
}
