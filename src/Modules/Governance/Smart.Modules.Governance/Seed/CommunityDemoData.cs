using Bogus;
using Marten;
using Smart.BuildingBlocks.DemoData;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Committees;
using Smart.Modules.Governance.Domain.Directory;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Offices;
using Smart.Modules.Governance.Domain.Proposals;

namespace Smart.Modules.Governance.Seed;

/// <summary>
/// The members' community in the demo: consultation rules, SmartFr's ethics committee and works council, local
/// committees in its four largest offices, a directory where about seven members in ten list themselves (each field
/// opted in at its own rate), and proposals in Lille — one gathering supports, one answered.
/// </summary>
internal static class CommunityDemoData
{
    public static void Seed(IDocumentSession session, Faker faker, IReadOnlyList<CooperativeEntity> entities, IReadOnlyList<Office> offices,
        IReadOnlyList<Member> members, DateTimeOffset now)
    {
        var smartFr = entities[0];
        foreach (var entity in entities)
        {
            var since = entity.Settings.Min(s => s.EffectiveFrom);
            session.Insert(ConsultationRules.From(entity.Id, since, entity == smartFr ? 25 : 10, since));
        }

        var people = members.Where(m => m.Kind == MemberKind.Person).ToList();
        var committees = new List<Committee>();
        Committee Form(CommitteeKind kind, Office? office, string name, IEnumerable<Member> candidates, int seats)
        {
            var committee = Committee.Form(smartFr.Id, kind, office?.Id, name);
            var seated = candidates.Take(seats).ToList();
            for (var i = 0; i < seated.Count; i++)
            {
                committee.Seat(seated[i].Id, i == 0 ? SeatRole.Chair : SeatRole.Member, DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-faker.Random.Int(2, 30)));
            }
            committees.Add(committee);
            return committee;
        }
        var smartFrPeople = people.Where(p => p.EntityId == smartFr.Id).ToList();
        Form(CommitteeKind.Ethics, null, "Comité d'éthique", faker.Random.Shuffle(smartFrPeople), 5);
        Form(CommitteeKind.WorksCouncil, null, "Comité social et économique", faker.Random.Shuffle(smartFrPeople), 6);
        var lille = offices.First(o => o.EntityId == smartFr.Id && o.Name == "Lille");
        foreach (var office in offices.Where(o => o.EntityId == smartFr.Id && o.Name is "Lille" or "Paris" or "Lyon" or "Rennes"))
        {
            // The demo member (Camille Martin, Lille) is left off: she sees the committee from a member's side.
            Form(CommitteeKind.Local, office, $"Comité local de {office.Name}",
                faker.Random.Shuffle(smartFrPeople.Where(p => p.OfficeId == office.Id && p.Email != SeedGovernanceDemoDataHandler.DemoMemberEmail)), 4);
        }
        session.Insert<Committee>(committees);

        foreach (var person in people.Where(_ => faker.Random.Double() < 0.7))
        {
            var trade = faker.PickRandom(FrenchVocabulary.Trades);
            var shown = new List<DirectoryField> { DirectoryField.Trade };
            if (faker.Random.Double() < 0.85) shown.Add(DirectoryField.Skills);
            if (faker.Random.Double() < 0.8) shown.Add(DirectoryField.Office);
            if (faker.Random.Double() < 0.4) shown.Add(DirectoryField.Website);
            if (faker.Random.Double() < 0.25) shown.Add(DirectoryField.Phone);
            if (faker.Random.Double() < 0.5) shown.Add(DirectoryField.Email);
            var details = new DirectoryDetails(
                person.Gender == Gender.Male ? trade.Masculine : trade.Feminine,
                faker.Random.ListItems(trade.Skills, faker.Random.Int(1, 3)).ToList(),
                $"https://{Slug(person.DisplayName)}.example.org",
                $"06 {faker.Random.Int(10, 99)} {faker.Random.Int(10, 99)} {faker.Random.Int(10, 99)} {faker.Random.Int(10, 99)}",
                person.Email);
            session.Insert(DirectoryProfile.Publish(person.Id, person.EntityId, person.OfficeId, person.DisplayName, details, shown, now));
        }

        var lilleMembers = smartFrPeople.Where(p => p.OfficeId == lille.Id).ToList();
        if (lilleMembers.Count < 30) return; // a small seed (tests) has no one to consult
        var lilleCommittee = committees.Single(c => c.OfficeId == lille.Id);
        SeedProposal(session, faker, lilleMembers, now.AddDays(-12), "Un atelier mensuel « premiers pas » pour les nouveaux membres",
            "Beaucoup d'entre nous ont mis des mois à comprendre le budget d'activité et le passage de la facture au salaire. "
            + "Je propose un atelier mensuel à Lille, animé par des membres expérimentés, pour accueillir les nouveaux.", supports: 14, committee: null, answer: null);
        SeedProposal(session, faker, lilleMembers, now.AddDays(-70), "Ouvrir le coworking le samedi matin",
            "Pour celles et ceux qui travaillent en semaine chez leurs clients, un accès au coworking le samedi matin permettrait de préparer devis et factures.",
            supports: 25, committee: lilleCommittee,
            answer: "Le comité local soutient la proposition : un essai de trois mois commence le premier samedi du mois prochain, de 9 h à 13 h.");
    }

    private static void SeedProposal(IDocumentSession session, Faker faker, IReadOnlyList<Member> office, DateTimeOffset openedAt, string title, string text,
        int supports, Committee? committee, string? answer)
    {
        var author = office[faker.Random.Int(0, office.Count - 1)];
        var opened = Proposal.Open(author.EntityId, author.OfficeId, author.Id, author.DisplayName, title, text, openedAt);
        var events = new List<object> { opened };
        var supporters = faker.Random.Shuffle(office.Where(m => m.Id != author.Id)).Take(supports).ToList();
        var at = openedAt;
        foreach (var supporter in supporters)
        {
            at = at.AddHours(faker.Random.Int(1, 20));
            events.Add(new ProposalSupported(supporter.Id, at));
            if (faker.Random.Double() < 0.2)
            {
                events.Add(new ProposalCommented(Guid.CreateVersion7(), supporter.Id, supporter.DisplayName,
                    faker.PickRandom("Excellente idée, je soutiens !", "Je peux aider à l'organiser.", "Oui, et pourquoi pas aussi à Roubaix ?",
                        "Très utile pour les intermittents."), at));
            }
        }
        if (committee is not null)
        {
            events.Add(new ProposalHandedToCommittee(committee.Id, supporters.Count, at));
            events.Add(new ProposalAnswered(committee.Id, committee.Seats[0].MemberId, answer!, at.AddDays(9)));
        }
        session.Events.StartStream<Proposal>(opened.ProposalId, events.ToArray());
    }

    private static string Slug(string name) =>
        new(DirectoryProfile.Fold(name).Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
