using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Training.Contracts;

namespace Smart.IntegrationTests.Reporting;

/// <summary>
/// The fixture year's training, as Training publishes it on the bus (hand-counted):
/// <list type="bullet">
/// <item>Lille, axis 1: 2 days, 14 hours; a member (Alice), a non-member (Dan@Example.org) and staff (Eve).</item>
/// <item>Lille, axis 2: delivered as 1 day, 7 hours, Alice and dan@example.org; republished as 2 days, 14 hours with Bruno
/// (member) too — the republished figures replace the first ones.</item>
/// <item>Lille: an information session (Frank, non-member). Paris: an information session (Chloé, member) and a workshop
/// (Chloé again and Gina).</item>
/// </list>
/// By axis: 2 trainings, 4 days, 28 hours, 4 people (Alice, Bruno, Dan once, Eve): 2 members, 1 non-member, 1 staff.
/// By office: Lille 1 information session, 1 participant; Paris 1 information session, 1 workshop, 2 participants.
/// </summary>
internal static class TrainingReportScenario
{
    public static readonly Guid AliceId = Guid.NewGuid(), BrunoId = Guid.NewGuid(), ChloeId = Guid.NewGuid();

    public static async Task PublishAsync(SmartApp app, Guid entityId, Guid lille, Guid paris)
    {
        var alice = Trainee(TraineeAudience.Member, AliceId, "alice@example.org");
        var dan = Trainee(TraineeAudience.NonMember, null, "Dan@Example.org");
        var danAgain = Trainee(TraineeAudience.NonMember, null, "dan@example.org");
        var eve = Trainee(TraineeAudience.Staff, null, "eve@smart.example");
        var bruno = Trainee(TraineeAudience.Member, BrunoId, "bruno@example.org");
        var chloe = Trainee(TraineeAudience.Member, ChloeId, "chloe@example.org");

        await app.PublishAsync(Session(Guid.NewGuid(), entityId, lille, SessionKind.Training, TrainingAxis.FromIdeaToProject, new DateOnly(2026, 4, 10), 2, 14m, alice, dan, eve));
        var republished = Guid.NewGuid();
        await app.PublishAsync(Session(republished, entityId, lille, SessionKind.Training, TrainingAxis.FinancialManagement, new DateOnly(2026, 5, 5), 1, 7m, alice, danAgain));
        await app.PublishAsync(Session(republished, entityId, lille, SessionKind.Training, TrainingAxis.FinancialManagement, new DateOnly(2026, 5, 5), 2, 14m, alice, danAgain, bruno));
        await app.PublishAsync(Session(Guid.NewGuid(), entityId, lille, SessionKind.InformationSession, null, new DateOnly(2026, 3, 20), 1, 3m,
            Trainee(TraineeAudience.NonMember, null, "frank@example.org")));
        await app.PublishAsync(Session(Guid.NewGuid(), entityId, paris, SessionKind.InformationSession, null, new DateOnly(2026, 3, 27), 1, 3m, chloe));
        await app.PublishAsync(Session(Guid.NewGuid(), entityId, paris, SessionKind.Workshop, null, new DateOnly(2026, 6, 12), 1, 3m, chloe,
            Trainee(TraineeAudience.NonMember, null, "gina@example.org")));
    }

    public static SessionTrainee Trainee(TraineeAudience audience, Guid? memberId, string email) => new(Guid.NewGuid(), audience, memberId, email, 2, 7m);

    public static SessionDelivered Session(Guid sessionId, Guid entityId, Guid officeId, SessionKind kind, TrainingAxis? axis, DateOnly lastDay, int days,
        decimal hours, params SessionTrainee[] trainees) =>
        new(sessionId, entityId, officeId, kind, kind == SessionKind.Training ? Guid.NewGuid() : null, "Séance", axis, lastDay.Month >= 9 ? lastDay.Year : lastDay.Year - 1,
            lastDay.AddDays(1 - days), lastDay, days, days * 2, hours, trainees.Length, trainees);
}
