using Smart.BuildingBlocks.DemoData;
using Bogus;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.ContractDocuments;
using Smart.Modules.Activities.Domain.Expenses;
using Smart.Modules.Activities.Domain.Financing;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Quotes;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.EntityRulesCopy;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Features.Financing;
using Smart.Modules.Activities.Members;
using Smart.Modules.Activities.Persistence;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Activities.Seed;

/// <summary>
/// The local default's demo activities, built from the members Governance published: a few hundred activities
/// shaped like the cooperative's trades, clients mostly in France, and invoices, credit notes, quotes (about a third of
/// the activities: open, accepted into their invoice, declined or expired) and contract documents (sales of a show for
/// live performance, course agreements for training) from 2024 to today, numbered in date order and booked on the
/// ledger; expenses with receipts, equipment bought, advanced or leased with their schedules, and salary requests for
/// work in the coming weeks on about a quarter of the activities (Payroll turns them into contracts and payslips).
/// Idempotent: does nothing once activities exist.
/// </summary>
public sealed record SeedActivitiesDemoData;

public sealed class SeedActivitiesDemoDataHandler(TimeProvider clock)
{
    /// <summary>The events and scheduled messages of what is seeded; Wolverine sends them with the transaction.</summary>
    private readonly OutgoingMessages _outgoing = [];

    /// <summary>What is seeded, stored at the end (in one batch, after quotes and invoices took their decisions and credits).</summary>
    private readonly List<object> _documents = [];

    /// <summary>Each activity's ledger events so far, appended at the end as the start of its stream.</summary>
    private readonly Dictionary<Guid, List<IBudgetEvent>> _ledgers = [];

    private readonly List<Equipment> _equipment = [];

    private IDocumentSession _session = null!;

    private static readonly (ActivityKind Kind, double Weight, string[] Lines)[] Trades =
    [
        (ActivityKind.LivePerformance, 40, ["Représentation pour {0}", "Cachet concert — {0}", "Concert en trio pour {0}", "Résidence de création pour {0}"]),
        (ActivityKind.Training, 20, ["Journée de formation pour {0}", "Atelier d'initiation pour {0}", "Module de formation — {0}"]),
        (ActivityKind.CreativeProjects, 25, ["Identité visuelle pour {0}", "Création du site web pour {0}", "Illustrations pour {0}", "Maquette et mise en page pour {0}"]),
        (ActivityKind.Audiovisual, 15, ["Captation vidéo — {0}", "Montage vidéo pour {0}", "Prise de son pour {0}"]),
    ];

    private static readonly (string Country, ClientTypology Typology, double Weight)[] ClientKinds =
    [
        ("FR", ClientTypology.Company, 30), ("FR", ClientTypology.Association, 30), ("FR", ClientTypology.PublicBody, 25), ("FR", ClientTypology.Individual, 5),
        ("BE", ClientTypology.Abroad, 4), ("CH", ClientTypology.Abroad, 2), ("DE", ClientTypology.Abroad, 2), ("IT", ClientTypology.Abroad, 2),
    ];

    public async Task<OutgoingMessages> HandleAsync(SeedActivitiesDemoData command, IDocumentSession session, CancellationToken cancellationToken)
    {
        _session = session;
        if (await session.Query<Activity>().AnyAsync(cancellationToken))
        {
            return _outgoing;
        }
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var firstDay = new DateOnly(2024, 1, 2);
        var faker = new Faker("fr") { Random = new Randomizer(2022) };
        var members = (await session.Query<Member>().ToListAsync(cancellationToken)).OrderBy(m => m.MemberId).ToList();
        var rules = await session.Query<EntityRules>().ToListAsync(cancellationToken);
        var paymentTerms = await session.Query<PaymentTermsDefault>().ToListAsync(cancellationToken);

        var clients = new List<Client>();
        foreach (var entityId in members.Select(m => m.EntityId).Distinct())
        {
            for (var i = 0; i < 60; i++)
            {
                var (country, typology, _) = ClientKinds[Pick(faker, ClientKinds.Select(k => k.Weight))];
                var name = typology switch
                {
                    ClientTypology.PublicBody => faker.PickRandom("Mairie de ", "Médiathèque de ", "Centre culturel de ", "Lycée professionnel de ") + faker.PickRandom(FrenchVocabulary.Towns),
                    ClientTypology.Association => faker.Random.Int(0, 3) switch
                    {
                        0 => "Festival " + faker.PickRandom(FrenchVocabulary.FestivalNames),
                        1 => "Compagnie " + faker.PickRandom(FrenchVocabulary.CompanyNames),
                        2 => "MJC de " + faker.PickRandom(FrenchVocabulary.Towns),
                        _ => "Association " + string.Format(faker.PickRandom(FrenchVocabulary.AssociationPurposes), faker.PickRandom(FrenchVocabulary.Towns)),
                    },
                    ClientTypology.Individual => faker.Name.FullName(),
                    _ => $"{faker.PickRandom(FrenchVocabulary.BusinessKinds)} {faker.PickRandom(FrenchVocabulary.Surnames)} {faker.PickRandom(FrenchVocabulary.CompanySuffixes)}",
                };
                var terms = paymentTerms.Where(t => t.Typology == typology).InForceOn(today)!.Days;
                var legalForm = typology switch
                {
                    ClientTypology.PublicBody => ClientLegalForm.PublicBody,
                    ClientTypology.Association => ClientLegalForm.Association,
                    ClientTypology.Individual => ClientLegalForm.Individual,
                    _ => ClientLegalForm.Company,
                };
                var vat = legalForm == ClientLegalForm.Company ? $"{country}{faker.Random.Long(10_000_000_000, 99_999_999_999)}" : null;
                clients.Add(Client.Register(entityId, name, country, legalForm, vat,
                    new BillingAddress(faker.Address.StreetAddress(), null, faker.Address.ZipCode(), faker.PickRandom(FrenchVocabulary.Towns), country),
                    faker.Internet.Email(provider: "client.example.org"), typology, terms));
            }
        }
        _documents.AddRange(clients);

        var activities = new List<(Activity Activity, string[] Lines)>();
        foreach (var member in members)
        {
            var count = member.Kind == MemberKind.LegalEntity ? 1 : faker.Random.WeightedRandom([0, 1, 2], [0.25f, 0.55f, 0.20f]);
            if (member.Email == DemoLoginEmail) count = Math.Max(count, 1); // the demo login always has something to show
            for (var i = 0; i < count; i++)
            {
                var trade = member.Kind == MemberKind.LegalEntity ? (ActivityKind.ContractManagement, 0, ["Gestion des contrats de {0}"]) : Trades[Pick(faker, Trades.Select(t => t.Weight))];
                var opened = DateOnly.FromDateTime(faker.Date.Between(new DateTime(2023, 9, 1), new DateTime(2025, 12, 31)));
                var name = trade.Kind switch
                {
                    ActivityKind.LivePerformance => "Compagnie " + faker.PickRandom(FrenchVocabulary.CompanyNames),
                    ActivityKind.Training => "Formations " + member.DisplayName,
                    ActivityKind.ContractManagement => member.DisplayName,
                    ActivityKind.Audiovisual => "Studio " + member.DisplayName.Split(' ')[^1] + " – vidéo",
                    _ => "Atelier " + member.DisplayName.Split(' ')[^1] + " – " + faker.PickRandom("graphisme", "illustration", "design web", "communication"),
                };
                activities.Add((Activity.Open(member.MemberId, member.EntityId, member.OfficeId, name, trade.Kind, faker.Random.WeightedRandom([1, 2, 3], [0.7f, 0.25f, 0.05f]), opened), trade.Item3));
            }
        }
        _documents.AddRange(activities.Select(a => a.Activity));
        // As OpenActivity does: Payroll keeps a copy of each activity and its coordinator (CDI smoothing); its ledger opens.
        foreach (var (activity, _) in activities)
        {
            _outgoing.Add(activity.ToActivityOpened());
            Book(activity.Id, new BudgetOpened(activity.Id, activity.OpenedOn));
        }

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
            var entityRules = rules.Where(r => r.EntityId == activity.EntityId).InForceOn(date);
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
                        var creditNumber = await session.NextAsync(activity.EntityId, DocumentKind.CreditNote, creditDate, today, cancellationToken);
                        var credit = invoice.Credit(creditNumber, Money.RoundToCents(invoice.TotalNet * faker.Random.Decimal(0.1m, 0.5m)), creditDate, "Prestation réduite à la demande du client");
                        _documents.Add(credit);
                        Book(activity.Id, credit.BudgetEntries(now));
                    }
                    break;
                }
                case PlannedKind.Quote:
                {
                    var client = faker.PickRandom(clients.Where(c => c.EntityId == activity.EntityId).ToList());
                    var number = await session.NextAsync(activity.EntityId, DocumentKind.Quote, date, today, cancellationToken);
                    planned.Issued = Quote.Issue(number, activity, client, DemoLines(faker, planned.Lines, vat), date, date.AddDays(30), vat.Mention);
                    _documents.Add(planned.Issued);
                    break;
                }
                case PlannedKind.QuoteAccepted when planned.Quote?.Issued is { } quote:
                {
                    var client = clients.Single(c => c.Id == quote.ClientId);
                    var lines = quote.Lines.Select(l => new InvoiceLine(l.Description, l.Quantity, l.UnitPrice, vat.RateFor(quote.RequestedVatRate(l)))).ToList();
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
                        ? new SaleOfShowDetails(faker.PickRandom(FrenchVocabulary.ShowTitles), faker.PickRandom("Théâtre municipal de ", "Salle des fêtes de ", "Scène nationale de ", "Festival de ") + faker.PickRandom(FrenchVocabulary.Towns),
                            dates, dates.Count)
                        : new CourseAgreementDetails(string.Format(faker.PickRandom(planned.Lines), faker.PickRandom(FrenchVocabulary.ProjectSubjects)), dates.Count * 7m, dates, faker.Random.Int(4, 16));
                    var number = await session.NextAsync(activity.EntityId, DocumentKind.ContractDocument, date, today, cancellationToken);
                    _documents.Add(ContractDocument.Issue(number, activity, client, details, dates.Count * Math.Round(faker.Random.Decimal(400m, 1800m) / 10m) * 10m, vat,
                        requestedVatRate: null, date));
                    break;
                }
            }
        }

        var demoActivities = activities.Select(a => a.Activity).ToList();
        var demoLogin = members.FirstOrDefault(m => m.Email == DemoLoginEmail)?.MemberId;
        SeedExpenses(demoActivities, demoLogin, firstDay, today, now);
        await SeedEquipmentAsync(demoActivities, demoLogin, firstDay, today, now, cancellationToken);
        // Salaries last: they draw on what the expenses and the equipment left.
        RequestSalaries(faker, demoActivities, demoLogin, BalancesSoFar(), today);

        session.StoreObjects(_documents);
        foreach (var (activityId, events) in _ledgers)
        {
            session.Events.StartStream<ActivityBudget>(activityId, events);
        }
        return _outgoing;
    }

    private void Book(Guid activityId, params IEnumerable<IBudgetEvent> events)
    {
        if (!_ledgers.TryGetValue(activityId, out var ledger))
        {
            _ledgers[activityId] = ledger = [];
        }
        ledger.AddRange(events);
    }

    /// <summary>Each activity's balance from the entries seeded so far (not saved yet).</summary>
    private Dictionary<Guid, decimal> BalancesSoFar() =>
        _ledgers.ToDictionary(l => l.Key, l => l.Value.OfType<BudgetEntry>().Sum(e => e.Amount));

    /// <summary>
    /// Salaries for work in the next three weeks on about a quarter of the activities (every one of the demo login's that
    /// can afford it, so that it has contracts and payslips), each drawing 30–60 % of what is available
    /// but no more than 250–600 a day worked (contracts must not be retroactive, so demo salaries are all to come). Artists
    /// get a CDDU, the others a CDD.
    /// </summary>
    private void RequestSalaries(Faker faker, IEnumerable<Activity> activities, Guid? demoLogin, Dictionary<Guid, decimal> balances, DateOnly today)
    {
        foreach (var activity in activities.Where(a => a.Kind != ActivityKind.ContractManagement))
        {
            var budget = SalaryBudget.From(balances.GetValueOrDefault(activity.Id), [], _equipment.Where(e => e.ActivityId == activity.Id), [],
                guaranteeFundAdvanceAllowed: false);
            var drawn = faker.Random.Double();
            if ((drawn >= 0.25 && activity.CoordinatorId != demoLogin) || budget.Available < 400m) continue;
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
            var request = SalaryRequest.Request(activity, budget,
                Math.Round(Math.Min(budget.Available * faker.Random.Decimal(0.3m, 0.6m), days * faker.Random.Decimal(250m, 600m)) / 10m) * 10m, artistic ? SalaryContractKind.Cddu : SalaryContractKind.Cdd,
                artistic ? SalaryCategory.Artistic : SalaryCategory.Employee, start, start.AddDays(days - 1), days, null, job, today);
            _documents.Add(request);
            Book(activity.Id, request.Commitment());
            _outgoing.Add(request.ToSalaryRequested());
        }
    }

    private async Task<Invoice> IssueInvoiceAsync(Activity activity, Client client, IReadOnlyList<InvoiceLine> lines, DateOnly date, EntityRules rules, VatTreatment vat,
        Guid? quoteId, CancellationToken cancellationToken)
    {
        var number = await _session.NextAsync(activity.EntityId, DocumentKind.Invoice, date, clock.Today(), cancellationToken);
        var invoice = Invoice.Issue(number, activity, client, lines, date, rules.ContributionRate, vat.Mention, quoteId);
        _documents.Add(invoice);
        Book(activity.Id, invoice.BudgetEntries(clock.GetUtcNow()));
        _outgoing.Add(invoice.ToInvoiceIssued(client, activity));
        return invoice;
    }

    private static List<InvoiceLine> DemoLines(Faker faker, string[] lines, VatTreatment vat) =>
        Enumerable.Range(0, faker.Random.WeightedRandom([1, 2, 3], [0.7f, 0.2f, 0.1f]))
            .Select(_ => new InvoiceLine(string.Format(faker.PickRandom(lines), faker.PickRandom(FrenchVocabulary.ProjectSubjects)), faker.Random.WeightedRandom([1m, 2m, 3m], [0.75f, 0.15f, 0.1f]),
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

    /// <summary>The member behind the demo login: their activities always get expenses, equipment and salaries, so Swagger shows some.</summary>
    private const string DemoLoginEmail = "member@smart.coop";

    /// <summary>Demo decisions and grants are signed by a back-office account that exists only in the demo data.</summary>
    private static readonly Guid DemoBackOffice = new("0193a000-0000-7000-8000-00000000b0ff");

    /// <summary>The smallest files the receipt check recognises: a one-page PDF and a 1×1 PNG.</summary>
    private static readonly byte[] PdfReceipt = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    private static readonly byte[] PngReceipt = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static readonly (ExpenseCategory Category, decimal Min, decimal Max, decimal VatRate, string[] Descriptions)[] ExpenseKinds =
    [
        (ExpenseCategory.Travel, 18m, 240m, 0.10m, ["Train Lille – Paris aller-retour", "Billet TER pour la représentation", "Péage et carburant, tournée", "Train Lyon – Marseille"]),
        (ExpenseCategory.Meals, 12m, 65m, 0.10m, ["Repas en tournée", "Déjeuner de travail avec l'organisateur", "Repas d'équipe après le montage"]),
        (ExpenseCategory.Lodging, 60m, 180m, 0.10m, ["Hôtel, nuit du festival", "Chambre d'hôtes pendant la résidence"]),
        (ExpenseCategory.Supplies, 10m, 300m, 0.20m, ["Cordes et accessoires", "Papeterie et impressions", "Consommables d'atelier", "Câbles et adaptateurs"]),
        (ExpenseCategory.Services, 40m, 450m, 0.20m, ["Location de salle de répétition", "Hébergement du site web", "Traduction du dossier de presse"]),
        (ExpenseCategory.Other, 10m, 120m, 0.20m, ["Frais d'inscription au festival", "Affranchissement du matériel"]),
    ];

    private static readonly (string Description, string Supplier)[] PurchasedEquipment =
    [
        ("Table de mixage 16 pistes", "Audio Nord"), ("Ordinateur portable pour la PAO", "Informatique Services Lille"), ("Appareil photo hybride", "Photo Ciné Lyon"),
        ("Enceintes de façade", "Sono Pro Marseille"), ("Tablette graphique", "Graphik Store"), ("Projecteurs LED", "Scène Lumière"), ("Machine à coudre professionnelle", "Atelier Textile"),
    ];

    private static readonly (string Description, string Supplier)[] LeasedEquipment =
    [
        ("Photocopieur couleur", "Bureau Leasing"), ("Véhicule utilitaire", "Utilitaires Location Longue Durée"), ("Station de montage vidéo", "Vidéo Pro Lille"),
        ("Parc d'éclairage scénique", "Scène Lumière"),
    ];

    /// <summary>
    /// Expenses over the activities' life since 2024 with a small receipt each: decided ones are mostly approved (booked on
    /// the approval day), some refused; the last weeks' are still waiting for an advisor. Its own random sequence, so
    /// the invoices above do not change.
    /// </summary>
    private void SeedExpenses(IReadOnlyList<Activity> activities, Guid? demoLogin, DateOnly firstDay, DateOnly today, DateTimeOffset now)
    {
        var faker = new Faker("fr") { Random = new Randomizer(2024) };
        foreach (var activity in activities.Where(a => faker.Random.Bool(0.35f) || a.CoordinatorId == demoLogin))
        {
            var start = activity.OpenedOn > firstDay ? activity.OpenedOn : firstDay;
            if (start >= today) continue;
            for (var n = faker.Random.Int(1, 4); n > 0; n--)
            {
                var (category, min, max, vatRate, descriptions) = faker.PickRandom(ExpenseKinds);
                var date = DateBetween(faker, start, today);
                var submittedOn = Earliest(date.AddDays(faker.Random.Int(0, 5)), today);
                var amount = Money.RoundToCents(faker.Random.Decimal(min, max));
                var expense = Expense.Submit(activity, activity.CoordinatorId, date, category, faker.PickRandom(descriptions), amount,
                    Money.RoundToCents(amount * vatRate / (1 + vatRate)), submittedOn);
                var pdf = faker.Random.Bool();
                _documents.Add(expense);
                _documents.Add(ExpenseReceipt.For(expense, $"justificatif-{date:yyyyMMdd}-{n}.{(pdf ? "pdf" : "png")}", null, pdf ? PdfReceipt : PngReceipt));

                var decidedOn = submittedOn.AddDays(faker.Random.Int(1, 10));
                var decision = faker.Random.Double();
                if (decidedOn > today || decision < 0.12) continue; // still waiting for an advisor
                if (decision < 0.25)
                {
                    expense.Refuse(DemoBackOffice, null, faker.PickRandom("Dépense personnelle, sans lien avec l'activité", "Justificatif illisible", "Déjà remboursée"), decidedOn);
                }
                else
                {
                    Book(activity.Id, expense.Approve(activity, DemoBackOffice, null, decidedOn, now));
                }
            }
        }
    }

    /// <summary>
    /// Equipment of the activities with a budget (tier 2 and up, and the demo login's): purchases where the balance allows, treasury advances and
    /// leases with their monthly schedules. Instalments already due are booked; the others are scheduled messages, as
    /// the API does. Its own random sequence, so the invoices and expenses above do not change.
    /// </summary>
    private async Task SeedEquipmentAsync(IReadOnlyList<Activity> activities, Guid? demoLogin, DateOnly firstDay, DateOnly today, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var faker = new Faker("fr") { Random = new Randomizer(2025) };
        var limits = await _session.Query<FinancingLimits>().ToListAsync(cancellationToken);
        var balances = BalancesSoFar();
        foreach (var activity in activities.Where(a => a.ServiceTier >= 2 || a.CoordinatorId == demoLogin))
        {
            var start = activity.OpenedOn > firstDay ? activity.OpenedOn : firstDay;
            if (start >= today) continue;
            var balance = balances.GetValueOrDefault(activity.Id);
            var showcase = activity.CoordinatorId == demoLogin;
            var financed = new List<Equipment>();
            // Kept only if the balance also bears the instalments already due: demo activities stay out of the red.
            void Keep(Equipment candidate)
            {
                var cost = -candidate.AcquisitionEntries(now).Sum(e => e.Amount) + candidate.Instalments.Where(i => i.DueDate <= today).Sum(i => i.Amount);
                if (cost > balance) return;
                financed.Add(candidate);
                balance -= cost;
            }

            var (description, supplier) = faker.PickRandom(PurchasedEquipment);
            var price = Math.Round(Math.Min(balance * 0.4m, faker.Random.Decimal(150m, 2500m)) / 10m) * 10m;
            if ((faker.Random.Bool(0.5f) || showcase) && price >= 100m)
            {
                var date = DateBetween(faker, start, today);
                Keep(Equipment.Purchase(activity, balance, description, supplier, date, price, activity.CoordinatorId, date));
            }

            if ((faker.Random.Bool(0.3f) || showcase) && balance > 0m)
            {
                (description, supplier) = faker.PickRandom(PurchasedEquipment);
                var date = DateBetween(faker, start, today);
                price = Math.Round(faker.Random.Decimal(1500m, 6000m) / 10m) * 10m;
                var advance = faker.Random.Bool(0.7f) || balance < price * 0.3m + 1m ? price : price - Math.Round(price * 0.3m);
                var instalments = faker.PickRandom(6, 12, 18, 24, 36);
                Keep(Equipment.FinanceByAdvance(activity, balance, limits.InForceOn(date)!, description, supplier, date, price, advance, instalments,
                    FirstOfNextMonth(date).AddDays(4), DemoBackOffice, date));
            }

            if (activity.ServiceTier >= 3 || faker.Random.Bool(0.15f) || showcase)
            {
                (description, supplier) = faker.PickRandom(LeasedEquipment);
                var date = DateBetween(faker, start, today);
                var monthly = Math.Round(faker.Random.Decimal(25m, 180m));
                var term = faker.PickRandom(12, 24, 36, 48);
                Keep(Equipment.Lease(activity, limits.InForceOn(date)!, description, supplier, date, Math.Round(monthly * term * 0.85m / 10m) * 10m, monthly, term,
                    FirstOfNextMonth(date), DemoBackOffice, date));
            }

            foreach (var equipment in financed)
            {
                _documents.Add(equipment);
                _equipment.Add(equipment);
                Book(activity.Id, equipment.AcquisitionEntries(now));
                if (equipment.PlannedInstalments() is { } planned)
                {
                    Book(activity.Id, planned);
                }
                foreach (var due in equipment.Instalments.Where(i => i.DueDate <= today).ToList())
                {
                    Book(activity.Id, equipment.BookInstalment(due.Number, now)!);
                }
                _outgoing.AddRange(equipment.InstalmentsDue(clock));
            }
        }
    }


    private static DateOnly FirstOfNextMonth(DateOnly date) => new DateOnly(date.Year, date.Month, 1).AddMonths(1);

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;
}
