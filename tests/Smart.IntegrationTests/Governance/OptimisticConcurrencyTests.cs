using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Persistence;

namespace Smart.IntegrationTests.Governance;

/// <summary>Two staff members change the same aggregate at once: the second save fails (409 over HTTP) instead of silently winning.</summary>
public sealed class OptimisticConcurrencyTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_two_concurrent_changes_of_an_entitys_settings_Then_the_second_save_is_a_concurrency_conflict()
    {
        var structure = await app.SeedStructureAsync();
        await using var firstScope = app.Services.CreateAsyncScope();
        await using var secondScope = app.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var mine = await first.Entities.SingleAsync(e => e.Id == structure.EntityId);
        var theirs = await second.Entities.SingleAsync(e => e.Id == structure.EntityId);
        var versionBefore = mine.Version;

        mine.ChangeSettings(new EntitySettingsVersion(today.AddDays(100), 0.11m, PayoutRule.DaysAfterEndOfWork(7), 0.2m, true), today);
        theirs.ChangeSettings(new EntitySettingsVersion(today.AddDays(200), 0.12m, PayoutRule.DaysAfterEndOfWork(7), 0.2m, true), today);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(versionBefore + 1, await app.Database.ScalarAsync<int>("SELECT version FROM governance.entities WHERE id = @p0", structure.EntityId));
        Assert.Equal(0, await app.Database.ScalarAsync<int>("SELECT count(*) FROM governance.entity_settings WHERE contribution_rate = 0.12"));
    }
}
