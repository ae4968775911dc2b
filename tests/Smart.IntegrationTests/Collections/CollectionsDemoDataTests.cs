using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities;
using Marten;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Seed;
using Smart.Modules.Collections;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Seed;

namespace Smart.IntegrationTests.Collections;

public sealed class CollectionsDemoDataTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_the_seeded_invoices_Then_most_are_paid_two_disputed_one_written_off_the_rest_late_with_their_steps_and_seeding_again_changes_nothing()
    {
        await app.SeedStructureAsync(members: 60);
        await app.InvokeAsync(new SeedActivitiesDemoData());
        await app.WaitForBusIdleAsync();

        await app.InvokeAsync(new SeedCollectionsDemoData());
        await app.WaitForBusIdleAsync();
        var seeded = await StatusesAsync();
        await app.InvokeAsync(new SeedCollectionsDemoData());
        await app.WaitForBusIdleAsync();

        Assert.Equal(seeded, await StatusesAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var receivables = await app.QueryStoreAsync<ICollectionsStore, IReadOnlyList<Receivable>>(s => s.Query<Receivable>().Where(r => r.DueDate < today).ToListAsync());
        Assert.Equal(2, receivables.Count(r => r.Status == ReceivableStatus.Disputed));
        Assert.Equal(1, receivables.Count(r => r.Status == ReceivableStatus.WrittenOff));
        var paid = receivables.Count(r => r.Status == ReceivableStatus.Paid);
        Assert.InRange(paid, receivables.Count / 2, receivables.Count - 3);
        var late = receivables.Where(r => r.Status == ReceivableStatus.Open).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, r => Assert.All(r.Steps.Where(s => s.PlannedOn < today), s => Assert.Equal(s.PlannedOn, s.TakenOn)));
        // Activities heard of every payment.
        Assert.Equal(paid, await app.QueryStoreAsync<IActivitiesStore, int>(s => s.Query<Invoice>().CountAsync(i => i.PaidAmount > 0)));
        Assert.Equal(1, await app.QueryStoreAsync<IActivitiesStore, int>(s => s.Query<Invoice>().CountAsync(i => i.WrittenOff)));
    }

    private Task<Dictionary<ReceivableStatus, int>> StatusesAsync() =>
        app.QueryStoreAsync<ICollectionsStore, Dictionary<ReceivableStatus, int>>(async s =>
            (await s.Query<Receivable>().ToListAsync()).GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()));
}
