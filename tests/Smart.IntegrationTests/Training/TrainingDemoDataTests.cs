using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Smart.BuildingBlocks.Security;
using Smart.Modules.Activities.Seed;
using Smart.Modules.Spaces;
using Smart.Modules.Training;
using Smart.Modules.Training.Contracts;
using Smart.Modules.Training.Domain.Catalogue;
using Smart.Modules.Training.Domain.Sessions;

namespace Smart.IntegrationTests.Training;

public sealed class TrainingDemoDataTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private sealed record Counts(int Trainings, int Sessions, int Delivered, int AwaitingRoom, int Confirmed, int Waiting, int Charged);

    [Fact]
    public async Task Given_the_demo_seed_Then_the_2025_2026_catalogue_has_six_axes_sessions_around_today_in_Spaces_rooms_and_a_delivered_past()
    {
        var structure = await app.SeedStructureAsync(members: 150);
        await app.InvokeAsync(new SeedActivitiesDemoData());
        await app.WaitForBusIdleAsync();
        await new SpacesModule().SeedDemoDataAsync(app.Services, CancellationToken.None);
        await app.WaitForBusIdleAsync();

        await new TrainingModule().SeedDemoDataAsync(app.Services, CancellationToken.None);
        await app.WaitForBusIdleAsync();
        var counts = await CountsAsync();
        await new TrainingModule().SeedDemoDataAsync(app.Services, CancellationToken.None); // idempotent
        await app.WaitForBusIdleAsync();

        Assert.Equal(counts, await CountsAsync());
        Assert.True(counts is { Trainings: 12, Delivered: > 5, AwaitingRoom: 0, Confirmed: > 0, Waiting: > 0 }, counts.ToString());
        var staff = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);
        var axes = (await staff.GetFromJsonAsync<List<JsonElement>>("/api/training/trainings?schoolYear=2025"))!.Select(t => t.GetProperty("axis").GetString()).Distinct();
        Assert.Equal(6, axes.Count());
        var figures = await staff.GetFromJsonAsync<JsonElement>("/api/training/figures?schoolYear=2025");
        Assert.True(figures.GetProperty("total").GetProperty("peopleTrained").GetInt32() > 30);
        Assert.True(figures.GetProperty("total").GetProperty("averageRating").GetDouble() is >= 3 and <= 5);
        // Every charged registration reached its activity's ledger.
        Assert.Equal(counts.Charged, await app.QueryStoreAsync<IActivitiesStore, int>(s => s.Query<LedgerEntry>().CountAsync(e => e.Kind == BudgetEntryKind.TrainingCharge)));
    }

    private Task<Counts> CountsAsync() => app.QueryStoreAsync<ITrainingStore, Counts>(async s =>
    {
        var sessions = await s.Query<Session>().ToListAsync();
        return new Counts(await s.Query<TrainingCourse>().CountAsync(), sessions.Count, sessions.Count(x => x.Status == SessionStatus.Delivered),
            sessions.Count(x => x.Status == SessionStatus.AwaitingRoom), sessions.Count(x => x.Status == SessionStatus.Confirmed && x.Venue.IsRoom),
            sessions.Sum(x => x.WaitingLine.Count()), sessions.Sum(x => x.Registrations.Count(r => r.Charged > 0)));
    });
}
