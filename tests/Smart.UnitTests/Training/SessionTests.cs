using Smart.BuildingBlocks.Domain;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Catalogue;
using Smart.Modules.Training.Domain.Sessions;
using Smart.Modules.Training.Features.Figures;

namespace Smart.UnitTests.Training;

public sealed class SessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A 2-day training of 14 hours, 120.00 for members, exempt from VAT: four half-days of 3.5 h, 10 and 11 March 2026.</summary>
    internal static TrainingCourse Course(TrainingAxis axis = TrainingAxis.FinancialManagement) => TrainingCourse.Add(Guid.NewGuid(), 2025, axis,
        "Construire le budget de son projet", "Budget", "Deux jours", "Aucun", 2, 14, new Prices(120.00m, 480.00m, 0m), new TrainingVat(true, 0m, "Exonéré"));

    internal static Session TwoDays(TrainingCourse course, int capacity = 12, bool waitingList = true, DateOnly? first = null)
    {
        var day = first ?? new DateOnly(2026, 3, 10);
        return Session.OfCourse(course, Guid.NewGuid(), [
            new HalfDay(day, new TimeOnly(9, 0), new TimeOnly(12, 30)), new HalfDay(day, new TimeOnly(13, 30), new TimeOnly(17, 0)),
            new HalfDay(day.AddDays(1), new TimeOnly(9, 0), new TimeOnly(12, 30)), new HalfDay(day.AddDays(1), new TimeOnly(13, 30), new TimeOnly(17, 0)),
        ], capacity, waitingList, "Europe/Paris", Venue.Outside("Bazaar St-So", "Lille"), []);
    }

    internal static Registration Trainee(int n, TraineeAudience audience = TraineeAudience.NonMember, DateTimeOffset? at = null) =>
        Registration.New(Guid.NewGuid(), audience, null, null, $"Stagiaire {n}", $"stagiaire{n}@example.org", 480.00m, 7, at ?? Now.AddMinutes(n));

    [Fact]
    public void Given_a_session_for_12_Then_the_13th_waits_in_position_1_and_a_cancellation_promotes_it()
    {
        var session = TwoDays(Course());
        var first12 = Enumerable.Range(1, 12).Select(n => Trainee(n)).ToList();
        first12.ForEach(r => Assert.Equal(RegistrationStatus.Confirmed, session.Register(r, Now).Status));
        var thirteenth = Trainee(13);

        Assert.Equal(new Placement(RegistrationStatus.Waiting, 1), session.Register(thirteenth, Now));
        var outcome = session.Cancel(first12[4], Now);

        Assert.Equal([thirteenth.Id], outcome.Promoted.Select(r => r.Id));
        Assert.Equal((RegistrationStatus.Confirmed, 12, 0), (thirteenth.Status, session.Confirmed, session.PositionOf(thirteenth)));
    }

    [Fact]
    public void Given_a_full_session_without_waiting_list_Then_a_13th_registration_is_refused_and_not_kept()
    {
        var session = TwoDays(Course(), capacity: 12, waitingList: false);
        Enumerable.Range(1, 12).ToList().ForEach(n => session.Register(Trainee(n), Now));

        Assert.Throws<BusinessRuleViolationException>(() => session.Register(Trainee(13), Now));
        Assert.Equal(12, session.Registrations.Count);
    }

    [Fact]
    public void Given_a_registration_Then_registering_twice_or_after_the_start_is_refused()
    {
        var session = TwoDays(Course());
        session.Register(Trainee(1), Now);

        Assert.Throws<BusinessRuleViolationException>(() => session.Register(Trainee(1), Now));
        Assert.Throws<BusinessRuleViolationException>(() => session.Register(Trainee(2), session.StartsAt));
    }

    [Fact]
    public void Given_a_7_day_notice_Then_a_member_cancelling_8_days_before_gets_the_charge_back_and_2_days_before_keeps_it()
    {
        var session = TwoDays(Course());
        var early = Registration.New(Guid.NewGuid(), TraineeAudience.Member, Guid.NewGuid(), Guid.NewGuid(), "A", "a@example.org", 120.00m, 7, Now);
        var late = Registration.New(Guid.NewGuid(), TraineeAudience.Member, Guid.NewGuid(), Guid.NewGuid(), "B", "b@example.org", 120.00m, 7, Now);
        session.Register(early, Now);
        session.Register(late, Now);

        Assert.True(session.Cancel(early, session.StartsAt.AddDays(-8)).ReverseCharge);
        Assert.False(session.Cancel(late, session.StartsAt.AddDays(-2)).ReverseCharge);
        Assert.Equal((0m, 120.00m), (early.Charged, late.Charged));
    }

    [Fact]
    public void Given_3_of_4_half_days_attended_on_a_14_hour_training_Then_the_certificate_states_10_5_hours()
    {
        var session = TwoDays(Course());
        var trainee = Trainee(1);
        session.Register(trainee, Now);
        var after = new DateTimeOffset(2026, 3, 11, 17, 0, 0, TimeSpan.Zero);

        foreach (var halfDay in new[] { 1, 2, 4 }) session.SignIn(halfDay, new HashSet<Guid> { trainee.Id }, after);
        session.SignIn(3, new HashSet<Guid>(), after);

        Assert.Equal((14m, 10.5m), (session.Hours, session.HoursAttended(trainee)));
        Assert.Contains("Durée suivie : <strong>10,5 h sur 14 h</strong>", System.Net.WebUtility.HtmlDecode(Smart.BuildingBlocks.Documents.DocumentHtml.Render(Smart.Modules.Training.Features.Attendance.Certificates.Render(session, trainee))));
    }

    [Fact]
    public void Given_a_half_day_not_begun_Then_nobody_signs_in()
    {
        var session = TwoDays(Course());
        Assert.Throws<BusinessRuleViolationException>(() => session.SignIn(1, new HashSet<Guid>(), Now));
    }

    [Fact]
    public void Given_a_session_outside_its_school_year_Then_it_is_refused()
    {
        Assert.Throws<BusinessRuleViolationException>(() => TwoDays(Course(), first: new DateOnly(2026, 7, 6)));
    }
}

/// <summary>A school year counted by hand: the figures must find the same totals.</summary>
public sealed class FiguresTests
{
    [Fact]
    public void Given_a_seeded_year_Then_the_figures_reproduce_the_hand_counted_totals()
    {
        var now = new DateTimeOffset(2026, 6, 30, 18, 0, 0, TimeSpan.Zero);
        var budget = SessionTests.Course(TrainingAxis.FinancialManagement);
        var safety = SessionTests.Course(TrainingAxis.PreventionAndSafety);
        // Budget, twice (2 days, 14 h each): 3 members all present, and 1 member present 2 of 4 half-days + 1 non-member absent.
        var budget1 = SessionTests.TwoDays(budget, first: new DateOnly(2026, 3, 10));
        var budget2 = SessionTests.TwoDays(budget, first: new DateOnly(2026, 4, 14));
        // Safety, once: 1 staff present 4 half-days, 1 non-member present 3.
        var safety1 = SessionTests.TwoDays(safety, first: new DateOnly(2026, 5, 12));
        var early = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var m = Enumerable.Range(1, 4).Select(n => SessionTests.Trainee(n, TraineeAudience.Member, early)).ToList();
        var absent = SessionTests.Trainee(5, TraineeAudience.NonMember, early);
        var staff = SessionTests.Trainee(6, TraineeAudience.Staff, early);
        var outsider = SessionTests.Trainee(7, TraineeAudience.NonMember, early);
        m.Take(3).ToList().ForEach(r => budget1.Register(r, early));
        budget2.Register(m[3], early);
        budget2.Register(absent, early);
        safety1.Register(staff, early);
        safety1.Register(outsider, early);
        for (var h = 1; h <= 4; h++)
        {
            budget1.SignIn(h, m.Take(3).Select(r => r.Id).ToHashSet(), now);
            budget2.SignIn(h, h <= 2 ? new HashSet<Guid> { m[3].Id } : [], now);
            safety1.SignIn(h, h <= 3 ? new HashSet<Guid> { staff.Id, outsider.Id } : new HashSet<Guid> { staff.Id }, now);
        }
        budget1.GiveFeedback(m[0], new Feedback([new Rating("Contenu", 5), new Rating("Animation", 4)], null, now));
        safety1.GiveFeedback(staff, new Feedback([new Rating("Contenu", 3)], null, now));
        foreach (var s in new[] { budget1, budget2, safety1 }) s.Deliver(now);

        var figures = TrainingFiguresHandler.Compute(2025, null, [budget1, budget2, safety1]);

        // Hand count: 2 trainings, 3 sessions, 6 days, 42 h; 6 people (4 members, 1 non-member, 1 staff);
        // trainee-hours 3 × 14 + 7 + 14 + 10.5 = 73.5; ratings 5, 4, 3 → 4.
        Assert.Equal(new AxisFigures(null, 2, 3, 6, 42m, 6, 4, 1, 1, 73.5m, 4.0), figures.Total);
        var budgetAxis = figures.Axes.Single(a => a.Axis == TrainingAxis.FinancialManagement);
        Assert.Equal((1, 2, 4, 28m, 4, 49m, 4.5), (budgetAxis.TrainingsHeld, budgetAxis.Sessions, budgetAxis.Days, budgetAxis.Hours, budgetAxis.PeopleTrained,
            budgetAxis.TraineeHours, budgetAxis.AverageRating));
        Assert.Equal([new AudienceFigures(TraineeAudience.Member, 4, 49m), new AudienceFigures(TraineeAudience.NonMember, 1, 10.5m),
            new AudienceFigures(TraineeAudience.Staff, 1, 14m)], figures.ProviderSummary);
        Assert.All(figures.Axes.Where(a => a.Axis is not (TrainingAxis.FinancialManagement or TrainingAxis.PreventionAndSafety)), a => Assert.Equal(0, a.Sessions));
    }
}
