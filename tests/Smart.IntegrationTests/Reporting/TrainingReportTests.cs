using Smart.Modules.Training.Contracts;
using static Smart.IntegrationTests.Reporting.AnnualReportTests;

namespace Smart.IntegrationTests.Reporting;

public sealed class TrainingReportTests(ReportingFixture fixture) : IClassFixture<ReportingFixture>
{
    private ReportingScenario Scenario => fixture.Scenario;

    [Fact]
    public async Task Given_the_fixture_sessions_Then_trainings_by_axis_count_each_person_once_and_take_the_republished_figures()
    {
        var report = await Scenario.ReportAsync();

        Assert.Equal<decimal?>([1m, 2m, 14m, 3m, 1m, 1m, 1m], Row(report, "formation-axes", "1. De l'idée au projet"));
        Assert.Equal<decimal?>([1m, 2m, 14m, 3m, 2m, 1m, 0m], Row(report, "formation-axes", "2. Gérer son projet financièrement"));
        Assert.Equal<decimal?>([0m, 0m, 0m, 0m, 0m, 0m, 0m], Row(report, "formation-axes", "6. Prévention et sécurité"));
        Assert.Equal<decimal?>([2m, 4m, 28m, 4m, 2m, 1m, 1m], Row(report, "formation-axes", "Total"));
    }

    [Fact]
    public async Task Given_the_fixture_sessions_Then_information_sessions_and_workshops_are_counted_apart_by_office()
    {
        var report = await Scenario.ReportAsync();

        // The offices' table (information sessions, workshops, participants first).
        Assert.Equal<decimal?>([1m, 0m, 1m], Row(report, "bureaux", "Lille")[1..4]);
        Assert.Equal<decimal?>([1m, 1m, 2m], Row(report, "bureaux", "Paris")[1..4]);
        Assert.Equal<decimal?>([2m, 1m, 3m], Row(report, "bureaux", "Total")[1..4]);
    }

    [Fact]
    public async Task Given_a_session_of_another_year_and_a_redelivered_version_Then_the_year_counts_neither()
    {
        var other = TrainingReportScenario.Session(Guid.NewGuid(), Scenario.EntityId, Scenario.Structure.LilleOfficeId, SessionKind.Training,
            TrainingAxis.ToolsAndResources, new DateOnly(2025, 12, 12), 1, 7m, TrainingReportScenario.Trainee(TraineeAudience.Staff, null, "zoe@example.org"));
        await fixture.App.PublishAsync(other);
        await fixture.App.PublishAsync(other);
        await Scenario.SettledAsync();

        var report = await Scenario.ReportAsync();

        Assert.Equal<decimal?>([0m, 0m, 0m, 0m, 0m, 0m, 0m], Row(report, "formation-axes", "4. Outils et ressources"));
        Assert.Equal<decimal?>([2m, 4m, 28m, 4m, 2m, 1m, 1m], Row(report, "formation-axes", "Total"));
    }
}
