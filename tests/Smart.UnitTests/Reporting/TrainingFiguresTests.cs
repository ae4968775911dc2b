using Smart.Modules.Reporting.Journal;
using Smart.Modules.Reporting.Projections;
using Smart.Modules.Reporting.Tables;
using Smart.Modules.Training.Contracts;

namespace Smart.UnitTests.Reporting;

public sealed class TrainingFiguresTests
{
    private static readonly Guid MemberId = Guid.NewGuid();

    private static SessionTrainee Trainee(TraineeAudience audience, Guid? memberId, string email) => new(Guid.NewGuid(), audience, memberId, email, 2, 7m);

    private static SessionDeliveredRecorded Version(Guid sessionId, DateOnly lastDay, int days, decimal hours, params SessionTrainee[] trainees) =>
        new(sessionId, Guid.NewGuid(), Guid.NewGuid(), SessionKind.Training, TrainingAxis.FinancialManagement, lastDay, lastDay, days, hours, trainees, Guid.NewGuid());

    [Fact]
    public void Given_a_member_under_two_emails_and_a_non_member_in_two_cases_Then_2_people_are_trained()
    {
        var sessions = new[]
        {
            new DeliveredSession { Trainees = [Trainee(TraineeAudience.Member, MemberId, "a@example.org"), Trainee(TraineeAudience.NonMember, null, "Dan@Example.org")] },
            new DeliveredSession { Trainees = [Trainee(TraineeAudience.Member, MemberId, "other@example.org"), Trainee(TraineeAudience.NonMember, null, " dan@example.org")] },
        };

        Assert.Equal(2, TrainingSection.People(sessions, null));
        Assert.Equal(1, TrainingSection.People(sessions, TraineeAudience.Member));
        Assert.Equal(1, TrainingSection.People(sessions, TraineeAudience.NonMember));
        Assert.Equal(0, TrainingSection.People(sessions, TraineeAudience.Staff));
    }

    [Fact]
    public void Given_a_session_republished_with_3_days_and_moved_to_the_next_year_Then_only_the_latest_figures_remain()
    {
        var sessionId = Guid.NewGuid();
        var session = new DeliveredSession { Id = DeliveredSession.Key(sessionId) };

        session.Absorb(Version(sessionId, new DateOnly(2026, 12, 30), 2, 14m, Trainee(TraineeAudience.Staff, null, "e@example.org")));
        session.Absorb(Version(sessionId, new DateOnly(2027, 1, 4), 3, 21m, Trainee(TraineeAudience.Member, MemberId, "a@example.org"),
            Trainee(TraineeAudience.Staff, null, "e@example.org")));

        Assert.Equal((2027, 3, 21m, 2), (session.Year, session.Days, session.Hours, session.Trainees.Count));
    }
}
