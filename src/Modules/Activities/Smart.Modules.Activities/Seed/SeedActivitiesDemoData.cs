using Bogus;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Messaging;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.Contracts;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Quotes;
using Smart.Modules.Activities.Entities;
using Smart.Modules.Activities.Persistence;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Activities.Seed;

/// <summary>
/// The local default's demo activities, built from the members Governance published: a few hundred activities
/// shaped like the cooperative's trades, clients mostly in France, and invoices, credit notes, quotes (about a third of
/// the activities: open, accepted into their invoice, declined or expired) and contract documents (sales of a show for
/// live performance, course agreements for training) from 2024 to today, numbered in date order and booked on the ledger. Idempotent: does nothing once activities exist.
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

        // Invoices, quotes (issued, then accepted or declined) and contract documents in one timeline, in date order, so that
        // numbers follow dates within each series of each entity and year.
        var timeline = (from a in activities
                        from n in Enumerable.Range(0, faker.Random.Int(1, 8))
                        let start = a.Activity.OpenedOn > firstDay ? a.Activity.OpenedOn : firstDay
                        where start < today
                        select new Planned(DateBetween(faker, start, today), PlannedKind.Invoice, a.Activity, a.Lines)).ToList();
        foreach (var (activity, lines) in activities.Where(a => a.Activity.OpenedOn < today && faker.Random.Double() < 0.35))
        {
            var start = activity.OpenedOn > firstDay ? activity.OpenedOn : firstDay;
            for (var i = faker.Random.Int(1, 3); i > 0; i--)
            {
                var quote = new Planned(DateBetween(faker, start, today), PlannedKind.Quote, activity, lines);
                timeline.Add(quote);
                var decidedOn = quote.Date.AddDays(faker.Random.Int(1, 30));
                var outcome = faker.Random.Double();
                if (decidedOn <= today && outcome < 0.75)
                {
                    timeline.Add(quote with { Date = decidedOn, Kind = outcome < 0.45 ? PlannedKind.QuoteAccepted : PlannedKind.QuoteDeclined, Quote = quote });
                }
            }
            var contractKind = activity.Kind switch
            {
                ActivityKind.LivePerformance => PlannedKind.SaleOfShow,
                ActivityKind.Training => PlannedKind.CourseAgreement,
                _ => (PlannedKind?)null,
            };
            if (contractKind is { } kind)
            {
                timeline.Add(new Planned(DateBetween(faker, start, today), kind, activity, lines));
            }
        }

        foreach (var planned in timeline.OrderBy(p => p.Date).ThenBy(p => p.Kind))
        {
            var (date, activity) = (planned.Date, planned.Activity);
            var entityRules = rules.Where(r => r.EntityId == activity.EntityId && r.EffectiveFrom <= date).MaxBy(r => r.EffectiveFrom);
            if (entityRules is null) continue;
            var vat = entityRules.VatFor(activity.Kind);
            switch (planned.Kind)
            {
                case PlannedKind.Invoice:
                {
                    var client = faker.PickRandom(clients.Where(c => c.EntityId == activity.EntityId).ToList());
                    var invoice = await IssueInvoiceAsync(activity, client, DemoLines(faker, planned.Lines, vat), date, entityRules, vat, quoteId: null, cancellationToken);
                    if (faker.Random.Double() < 0.03 && date.AddDays(10) <= today)
                    {
                        var creditDate = date.AddDays(10);
                        var creditNumber = await db.NextAsync(activity.EntityId, DocumentKind.CreditNote, creditDate, today, cancellationToken);
                        var credit = invoice.Credit(creditNumber, Money.RoundToCents(invoice.TotalNet * faker.Random.Decimal(0.1m, 0.5m)), creditDate, "Prestation réduite à la demande du client");
                        db.CreditNotes.Add(credit);
                        db.BudgetEntries.AddRange(credit.BudgetEntries(now));
                    }
                    break;
                }
                case PlannedKind.Quote:
                {
                    var client = faker.PickRandom(clients.Where(c => c.EntityId == activity.EntityId).ToList());
                    var number = await db.NextAsync(activity.EntityId, DocumentKind.Quote, date, today, cancellationToken);
                    planned.Issued = Quote.Issue(number, activity, client, DemoLines(faker, planned.Lines, vat), date, date.AddDays(30), vat.Mention);
                    db.Quotes.Add(planned.Issued);
                    break;
                }
                case PlannedKind.QuoteAccepted when planned.Quote?.Issued is { } quote:
                {
                    var client = clients.Single(c => c.Id == quote.ClientId);
                    var lines = quote.Lines.Select(l => new InvoiceLine(l.Description, l.Quantity, l.UnitPrice, vat.RateFor(l.VatRate))).ToList();
                    var invoice = await IssueInvoiceAsync(activity, client, lines, date, entityRules, vat, quote.Id, cancellationToken);
                    quote.MarkAccepted(date, invoice.Id);
                    break;
                }
                case PlannedKind.QuoteDeclined when planned.Quote?.Issued is { } quote:
                    quote.Decline(date, faker.PickRandom("Budget insuffisant cette saison", "Projet reporté à l'an prochain", "Autre prestataire retenu", "Date non disponible"));
                    break;
                case PlannedKind.SaleOfShow or PlannedKind.CourseAgreement:
                {
                    var client = faker.PickRandom(clients.Where(c => c.EntityId == activity.EntityId).ToList());
                    var first = date.AddDays(faker.Random.Int(15, 90));
                    var dates = Enumerable.Range(0, faker.Random.Int(1, 4)).Select(i => first.AddDays(i)).ToList();
                    ContractDetails details = planned.Kind == PlannedKind.SaleOfShow
                        ? new SaleOfShowDetails(faker.Lorem.Sentence(3).TrimEnd('.'), faker.PickRandom("Théâtre municipal de ", "Salle des fêtes de ", "Scène nationale de ", "Festival de ") + faker.Address.City(),
                            dates, dates.Count)
                        : new CourseAgreementDetails(string.Format(faker.PickRandom(planned.Lines), faker.Lorem.Word()), dates.Count * 7m, dates, faker.Random.Int(4, 16));
                    var number = await db.NextAsync(activity.EntityId, DocumentKind.ContractDocument, date, today, cancellationToken);
                    db.ContractDocuments.Add(ContractDocument.Issue(number, activity, client, details, dates.Count * Math.Round(faker.Random.Decimal(400m, 1800m) / 10m) * 10m, vat,
                        requestedVatRate: null, date));
                    break;
                }
            }
        }
    }

    private async Task<Invoice> IssueInvoiceAsync(Activity activity, Client client, IReadOnlyList<InvoiceLine> lines, DateOnly date, EntityRules rules, VatTreatment vat,
        Guid? quoteId, CancellationToken cancellationToken)
    {
        var number = await db.NextAsync(activity.EntityId, DocumentKind.Invoice, date, clock.Today(), cancellationToken);
        var invoice = Invoice.Issue(number, activity, client, lines, date, rules.ContributionRate, vat.Mention, quoteId);
        db.Invoices.Add(invoice);
        db.BudgetEntries.AddRange(invoice.BudgetEntries(clock.GetUtcNow()));
        await bus.PublishAsync(new InvoiceIssued(invoice.Id, invoice.Number, invoice.EntityId, invoice.ActivityId, client.Id, client.Name, client.Typology.ToString(),
            invoice.IssueDate, invoice.DueDate, invoice.TotalNet, invoice.TotalVat, invoice.TotalGross, Invoice.Currency));
        return invoice;
    }

    private static List<InvoiceLine> DemoLines(Faker faker, string[] lines, VatTreatment vat) =>
        Enumerable.Range(0, faker.Random.WeightedRandom([1, 2, 3], [0.7f, 0.2f, 0.1f]))
            .Select(_ => new InvoiceLine(string.Format(faker.PickRandom(lines), faker.Lorem.Word()), faker.Random.WeightedRandom([1m, 2m, 3m], [0.75f, 0.15f, 0.1f]),
                Math.Round(faker.Random.Decimal(150m, 2500m) / 10m) * 10m, vat.RateFor(null)))
            .ToList();

    private static DateOnly DateBetween(Faker faker, DateOnly from, DateOnly to) =>
        DateOnly.FromDateTime(faker.Date.Between(from.ToDateTime(TimeOnly.MinValue), to.ToDateTime(TimeOnly.MinValue)));

    private enum PlannedKind
    {
        Invoice,
        Quote,
        QuoteAccepted,
        QuoteDeclined,
        SaleOfShow,
        CourseAgreement,
    }

    /// <summary>One step of the demo timeline; a quote's decision points back at the quote step, which holds the issued quote.</summary>
    private sealed record Planned(DateOnly Date, PlannedKind Kind, Activity Activity, string[] Lines)
    {
        public Planned? Quote { get; init; }

        public Quote? Issued { get; set; }
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
