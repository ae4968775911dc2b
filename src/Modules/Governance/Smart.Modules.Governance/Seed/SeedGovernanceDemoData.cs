using Smart.BuildingBlocks.DemoData;
using Bogus;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Offices;

namespace Smart.Modules.Governance.Seed;

/// <summary>
/// The local default's demo data, shaped like the real cooperative (DESIGN.md §3): the group's entities with
/// their rules (SmartFr 8.5 % then 10 % from 2022-12-15) and legal identities (<see cref="DemoLegalIdentities"/>), the French offices, and a few hundred members spread
/// like the 2016 membership by office, gender and age. Idempotent: does nothing once entities exist.
/// </summary>
public sealed record SeedGovernanceDemoData(int Members = 320);

public sealed class SeedGovernanceDemoDataHandler(TimeProvider clock)
{
    /// <summary>The demo member account's record (README lists the credentials).</summary>
    public const string DemoMemberEmail = "member@smart.coop";

    /// <summary>The demo employer account's record: an association using contract management (README lists it).</summary>
    public const string DemoEmployerEmail = "employer@smart.coop";

    // Share of members by office (France 2016); the four smaller offices share the remaining 10 %.
    private static readonly (string Office, double Weight)[] OfficeWeights =
    [
        ("Paris", 19.8), ("Lille", 18.6), ("Lyon", 12.8), ("Marseille", 8.5), ("Montpellier", 8.4), ("Strasbourg", 7.5),
        ("Rennes", 7.4), ("Toulouse", 7.2), ("Nantes", 6.5), ("Clermont-Ferrand", 3.3),
        ("Amiens", 2.5), ("Arras", 2.5), ("Béthune", 2.5), ("Bordeaux", 2.5),
    ];

    // Age bands: < 20 0.5 %, 20–30 20.1 %, 30–40 41.4 %, 41–50 24.1 %, 51+ 13.9 %.
    private static readonly (int MinAge, int MaxAge, double Weight)[] AgeBands =
        [(18, 19, 0.5), (20, 29, 20.1), (30, 40, 41.4), (41, 50, 24.1), (51, 66, 13.9)];

    /// <summary>The events of everything seeded, for Wolverine to publish in the session's transaction.</summary>
    public async Task<OutgoingMessages> HandleAsync(SeedGovernanceDemoData command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var events = new OutgoingMessages();
        if (await session.Query<CooperativeEntity>().AnyAsync(cancellationToken))
        {
            return events;
        }
        var today = clock.Today();
        var sevenDays = PayoutRule.DaysAfterEndOfWork(7);
        // SmartFr's training is VAT-exempt (continuing vocational training, CGI art. 261-4-4° a) in every version.
        const string trainingMention = "Exonération de TVA — article 261-4-4° a du CGI";
        var smartFr = CooperativeEntity.Create("SmartFr", "Smart France", EntityKind.Scic, "FR",
        [
            new(new DateOnly(2013, 1, 1), 0.085m, sevenDays, 0.20m, true, trainingVatExempt: true, trainingVatExemptionMention: trainingMention),
            new(new DateOnly(2022, 12, 15), 0.10m, sevenDays, 0.20m, true, trainingVatExempt: true, trainingVatExemptionMention: trainingMention),
        ], DemoLegalIdentities.SmartFr);
        var entities = new[]
        {
            smartFr,
            CooperativeEntity.Create("GrandsEnsemble", "Grands Ensemble", EntityKind.Cae, "FR", [new(new DateOnly(2019, 1, 1), 0.10m, sevenDays, 0.20m, false)],
                DemoLegalIdentities.GrandsEnsemble),
            CooperativeEntity.Create("Alterna", "Alterna", EntityKind.Cae, "FR", [new(new DateOnly(2020, 1, 1), 0.09m, sevenDays, 0.20m, false)],
                DemoLegalIdentities.Alterna),
            CooperativeEntity.Create("CoopPortage", "Coop Portage", EntityKind.WagePortage, "FR",
                [new(new DateOnly(2022, 1, 1), 0.08m, new PayoutRule(PayoutRuleKind.DayOfFollowingMonth, 10), 0.20m, false)], DemoLegalIdentities.CoopPortage),
        };
        session.Insert(entities);
        events.AddRange(entities.SelectMany(entity => entity.Settings.Select(entity.ToSettingsChanged)));
        events.AddRange(entities.SelectMany(entity => entity.LegalIdentity.Select(entity.ToLegalIdentityChanged)));

        var offices = OfficeWeights.Select(w => Office.Open(smartFr.Id, w.Office)).ToList();
        offices.Add(Office.Open(entities[1].Id, "Lille"));
        offices.Add(Office.Open(entities[1].Id, "Paris"));
        offices.Add(Office.Open(entities[2].Id, "Lyon"));
        offices.Add(Office.Open(entities[3].Id, "Paris"));
        session.Insert<Office>(offices);

        var faker = new Faker("fr") { Random = new Randomizer(2018) };
        var lille = offices.First(o => o.Name == "Lille");
        var members = new List<Member>
        {
            Member.RegisterPerson("Camille", "Martin", DemoMemberEmail, Gender.Female, new DateOnly(1987, 5, 14), lille, new DateOnly(2019, 9, 2), today),
            Member.RegisterLegalEntity("Association Les Tréteaux du Nord", LegalForm.Association, DemoEmployerEmail, lille, new DateOnly(2021, 3, 1), today),
        };
        var emails = new HashSet<string>(members.Select(m => m.Email));
        while (members.Count < command.Members)
        {
            var office = offices[Pick(faker, OfficeWeights.Select(w => w.Weight).Concat([1.5, 1.5, 1, 1]).ToArray())];
            var registeredOn = DateOnly.FromDateTime(faker.Date.Between(new DateTime(2016, 1, 4), today.ToDateTime(TimeOnly.MinValue)));
            Member member;
            if (faker.Random.Double() < 0.08)
            {
                var town = faker.PickRandom(FrenchVocabulary.Towns);
                var name = "Association " + string.Format(faker.PickRandom(FrenchVocabulary.AssociationPurposes), town);
                var email = Unique(emails, faker.Internet.Email(town.Replace("'", "").Replace(" ", ""), provider: "asso.example.org"));
                member = Member.RegisterLegalEntity(name, LegalForm.Association, email, office, registeredOn, today);
            }
            else
            {
                var gender = faker.Random.Double() < 0.6 ? Gender.Female : Gender.Male;
                var first = faker.Name.FirstName(gender == Gender.Female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
                var last = faker.Name.LastName();
                var band = AgeBands[Pick(faker, AgeBands.Select(b => b.Weight).ToArray())];
                var birth = today.AddYears(-faker.Random.Int(band.MinAge, band.MaxAge)).AddDays(-faker.Random.Int(0, 364));
                var email = Unique(emails, faker.Internet.Email(first, last, "example.org"));
                member = Member.RegisterPerson(first, last, email, gender, birth, office, registeredOn < birth.AddYears(16) ? birth.AddYears(18) : registeredOn, today);
            }
            members.Add(member);
        }
        session.Insert<Member>(members);
        events.AddRange(members.Select(member => member.ToMemberRegistered()));
        CommunityDemoData.Seed(session, faker, entities, offices, members, clock.GetUtcNow());
        events.AddRange(NewcomersDemoData.Seed(session, entities, members, today));
        events.AddRange(AdvisorsDemoData.Seed(session, smartFr.Id, offices, today));
        return events;
    }

    private static int Pick(Faker faker, double[] weights)
    {
        var draw = faker.Random.Double() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            draw -= weights[i];
            if (draw < 0) return i;
        }
        return weights.Length - 1;
    }

    private static string Unique(HashSet<string> used, string email)
    {
        var candidate = Member.NormalizeEmail(email);
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = Member.NormalizeEmail(email.Replace("@", $"{n}@"));
        }
        return candidate;
    }
}
