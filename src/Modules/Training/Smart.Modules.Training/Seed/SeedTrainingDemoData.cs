using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Spaces.Contracts;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Catalogue;
using Smart.Modules.Training.Domain.Members;
using Smart.Modules.Training.Domain.Rules;
using Smart.Modules.Training.Domain.Sessions;
using Smart.Modules.Training.Features.Rules;
using Smart.Modules.Training.Features.Sessions;
using Wolverine;

namespace Smart.Modules.Training.Seed;

/// <summary>
/// The local default's demo data (DESIGN.md §4): the 2025–2026 catalogue in the six axes (and the current school year's
/// when today is later), sessions around today in the Lille and Rennes rooms Spaces seeded (asked for by message like any
/// session), registrations of the offices' members with a waiting list, and past sessions delivered with attendance,
/// feedback and certificates. Idempotent: does nothing once a training exists.
/// </summary>
public sealed record SeedTrainingDemoData(OfficeReference Lille, OfficeReference Rennes, IReadOnlyList<RoomReference> LilleRooms, IReadOnlyList<RoomReference> RennesRooms,
    IReadOnlyList<ActivityStanding> LilleActivities, IReadOnlyList<ActivityStanding> RennesActivities);

public sealed class SeedTrainingDemoDataHandler(TimeProvider clock)
{
    private static readonly (TrainingAxis Axis, string Title, decimal Days, decimal Price)[] Catalogue =
    [
        (TrainingAxis.FromIdeaToProject, "De l'idée au projet : poser son modèle économique", 2, 120.00m),
        (TrainingAxis.FromIdeaToProject, "Tester son idée auprès de ses premiers clients", 1, 60.00m),
        (TrainingAxis.FinancialManagement, "Construire le budget de son projet", 2, 120.00m),
        (TrainingAxis.FinancialManagement, "Fixer ses prix et lire son budget d'activité", 1, 60.00m),
        (TrainingAxis.PromotingOnesProject, "Communiquer sur les réseaux sociaux", 1, 60.00m),
        (TrainingAxis.PromotingOnesProject, "Réussir son dossier de subvention", 2, 120.00m),
        (TrainingAxis.ToolsAndResources, "Les outils numériques libres du quotidien", 1, 60.00m),
        (TrainingAxis.ToolsAndResources, "Contrats et devis : les bons réflexes", 1, 60.00m),
        (TrainingAxis.CooperatingToTransformSociety, "Coopérer : gouvernance partagée et décisions", 2, 90.00m),
        (TrainingAxis.CooperatingToTransformSociety, "Monter un projet à plusieurs", 1, 45.00m),
        (TrainingAxis.PreventionAndSafety, "Sauveteur secouriste du travail", 2, 150.00m),
        (TrainingAxis.PreventionAndSafety, "Prévenir les risques dans le spectacle", 1, 75.00m),
    ];

    private static readonly string[] Questions = ["Contenu", "Animation", "Utilité pour mon projet"];

    /// <summary>The room requests and the charges of the registrations, for Wolverine to send with the transaction.</summary>
    public async Task<OutgoingMessages> HandleAsync(SeedTrainingDemoData command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var messages = new OutgoingMessages();
        if (await session.Query<TrainingCourse>().AnyAsync(cancellationToken)) return messages;
        var random = new Random(14);
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var entityId = command.Lille.EntityId;

        var rules = await session.TrainingRulesForWritingAsync(entityId, cancellationToken);
        rules.SetCancellation(new CancellationRule(new DateOnly(2025, 9, 1), 7));
        session.UpdateRevision(rules, rules.Version + 1);

        var members = (await session.Query<MemberCopy>().Where(m => m.EntityId == entityId).Take(500).ToListAsync(cancellationToken)).ToDictionary(m => m.Id);
        var trainees = command.LilleActivities.Concat(command.RennesActivities).Where(a => members.ContainsKey(a.CoordinatorId))
            .DistinctBy(a => a.CoordinatorId).ToList();

        foreach (var year in new[] { 2025, TrainingCourse.SchoolYearOf(today) }.Distinct())
        {
            var vat = Vat(rules, TrainingCourse.SchoolYearStart(year));
            var courses = Catalogue.Select(c => TrainingCourse.Add(entityId, year, c.Axis, c.Title, $"À l'issue de la formation, savoir : {c.Title.ToLowerInvariant()}.",
                "Apports, études de cas des participants, mise en pratique.", "Aucun", c.Days, c.Days * 7, new Prices(c.Price, c.Price * 4, 0m), vat)).ToList();
            session.Insert(courses.ToArray());

            // Past sessions of the year, delivered: held at the offices' own rooms as outside venues (Spaces books no past slot).
            foreach (var (course, index) in courses.Select((c, i) => (c, i)))
            {
                var first = NextWeekday(TrainingCourse.SchoolYearStart(year).AddDays(14 * index + 3));
                if (first.AddDays(7) >= today || first > TrainingCourse.SchoolYearEnd(year)) continue;
                var office = index % 3 == 2 ? command.Rennes : command.Lille;
                var past = Session.OfCourse(course, office.OfficeId, HalfDaysOf(first, course.Days), 12, waitingList: true, "Europe/Paris",
                    Venue.Outside(office.Name == "Rennes" ? "Bigre!Lieu, salle de formation" : "Bazaar St-So, salle de formation", office.Name), [Trainer(trainees, random, index)]);
                var registeredAt = past.StartsAt.AddDays(-20);
                foreach (var trainee in trainees.OrderBy(_ => random.Next()).Take(random.Next(6, 12)))
                {
                    var member = members[trainee.CoordinatorId];
                    past.Register(Registration.New(Guid.CreateVersion7(), TraineeAudience.Member, member.Id, null, member.DisplayName, member.Email, 0m, 7, registeredAt),
                        registeredAt);
                }
                past.Register(Registration.New(Guid.CreateVersion7(), TraineeAudience.NonMember, null, null, "Claire Dumont", $"claire.dumont{index}@example.org",
                    course.Prices.NonMember, 7, registeredAt), registeredAt);
                for (var halfDay = 1; halfDay <= past.HalfDays.Count; halfDay++)
                {
                    past.SignIn(halfDay, past.Registrations.Where(_ => random.Next(10) > 0).Select(r => r.Id).ToHashSet(), now);
                }
                foreach (var registration in past.Registrations.Where(r => r.Attended.Count > 0 && random.Next(3) > 0))
                {
                    past.GiveFeedback(registration, new Feedback(Questions.Select(q => new Rating(q, random.Next(3, 6))).ToList(), null, past.EndsAt));
                }
                past.Deliver(now);
                messages.Add(past.ToSessionDelivered());
                session.Insert(past);
            }

            if (year != TrainingCourse.SchoolYearOf(today)) continue;
            // Sessions around today, in the rooms Spaces seeded: two a week from last week to a month ahead.
            for (var week = -1; week <= 4; week++)
            {
                foreach (var (office, rooms) in new[] { (command.Lille, command.LilleRooms), (command.Rennes, command.RennesRooms) })
                {
                    var room = rooms.OrderByDescending(r => r.Capacity).FirstOrDefault();
                    if (room is null) continue;
                    var course = courses[random.Next(courses.Count)];
                    var first = NextWeekday(today.AddDays(7 * week + (office == command.Lille ? 1 : 3)));
                    if (first < TrainingCourse.SchoolYearStart(year) || first.AddDays(3) > TrainingCourse.SchoolYearEnd(year)) continue;
                    var capacity = Math.Min(room.Capacity, 12);
                    var venue = first > today ? Venue.Room(room.ResourceId) : Venue.Outside(room.Name + ", " + room.PlaceName, office.Name);
                    var planned = Session.OfCourse(course, office.OfficeId, HalfDaysOf(first, course.Days), capacity, waitingList: true, "Europe/Paris", venue,
                        [Trainer(trainees, random, week)]);
                    var registeredAt = now.AddDays(-14);
                    // The next sessions fill up and keep a waiting list; the others are half full.
                    foreach (var trainee in trainees.OrderBy(_ => random.Next()).Take(week is 1 or 2 ? capacity + 3 : capacity / 2))
                    {
                        var member = members[trainee.CoordinatorId];
                        var registration = Registration.New(Guid.CreateVersion7(), TraineeAudience.Member, member.Id, trainee.ActivityId, member.DisplayName, member.Email,
                            course.Vat.InclVat(course.Prices.Member), 7, registeredAt);
                        planned.Register(registration, registeredAt);
                        if (registration.ChargesAnActivity && registration.Status == RegistrationStatus.Confirmed)
                        {
                            messages.Add(new ChargeActivity(registration.ChargeId, trainee.ActivityId, ActivityChargeKind.TrainingCharge, registration.Price,
                                DateOnly.FromDateTime(registeredAt.UtcDateTime), $"Formation {planned.Title}, {planned.FirstDay:yyyy-MM-dd}", PlanSessionHandler.Origin));
                        }
                    }
                    if (planned.Venue is { ResourceId: { } roomId, HoldId: { } holdId })
                    {
                        messages.Add(new HoldRoom(holdId, entityId, roomId, planned.HalfDays.Select(h => new RoomSlot(h.Date, h.Start, h.End)).ToList(),
                            planned.Capacity, planned.Title, PlanSessionHandler.Origin));
                    }
                    session.Insert(planned);
                }
            }
        }
        return messages;
    }

    /// <summary>Governance's rule in force; SmartFr's own (exempt) when its events have not reached Training yet at seeding time.</summary>
    private static TrainingVat Vat(TrainingRules rules, DateOnly date) => rules.Vat.InForceOn(date) is { } vat
        ? new TrainingVat(vat.TrainingVatExempt, vat.TrainingVatExempt ? 0m : vat.DefaultVatRate, vat.TrainingVatExempt ? vat.Mention : null)
        : new TrainingVat(true, 0m, "Exonération de TVA, article 261-4-4° a du CGI");

    /// <summary>A member-trainer of the offices when there is one, else an external trainer with a fee.</summary>
    private static Trainer Trainer(IReadOnlyList<ActivityStanding> trainees, Random random, int index) => trainees.Count == 0 || index % 4 == 3
        ? new Trainer(Guid.CreateVersion7(), "Hélène Caron (intervenante extérieure)", null, null, 450.00m)
        : trainees[random.Next(trainees.Count)] is var t ? new Trainer(Guid.CreateVersion7(), t.Name, t.CoordinatorId, t.ActivityId, 400.00m) : null!;

    private static IEnumerable<HalfDay> HalfDaysOf(DateOnly first, decimal days) => Enumerable.Range(0, (int)Math.Ceiling(days))
        .Select(d => first.AddDays(d))
        .SelectMany(d => new[] { new HalfDay(d, new TimeOnly(9, 0), new TimeOnly(12, 30)), new HalfDay(d, new TimeOnly(13, 30), new TimeOnly(17, 0)) });

    private static DateOnly NextWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };
}
