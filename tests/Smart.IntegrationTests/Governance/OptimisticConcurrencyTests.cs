using System.Net;
using System.Net.Http.Json;
using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Entities;

namespace Smart.IntegrationTests.Governance;

/// <summary>Two staff members change the same aggregate at once: the second save fails (409 over HTTP) instead of silently winning.</summary>
public sealed class OptimisticConcurrencyTests(SmartApp app) : IClassFixture<SmartApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Given_two_concurrent_changes_of_an_entitys_settings_Then_the_second_save_is_a_concurrency_conflict()
    {
        var structure = await app.SeedStructureAsync();
        var store = app.Services.GetRequiredService<IGovernanceStore>();
        await using var first = store.LightweightSession();
        await using var second = store.LightweightSession();
        var mine = (await first.LoadAsync<CooperativeEntity>(structure.EntityId))!;
        var theirs = (await second.LoadAsync<CooperativeEntity>(structure.EntityId))!;
        var versionBefore = mine.Version;

        // As ChangeEntitySettingsHandler saves: the revision read, plus one.
        mine.ChangeSettings(new EntitySettingsVersion(Today.AddDays(100), 0.11m, PayoutRule.DaysAfterEndOfWork(7), 0.2m, true), Today);
        first.UpdateRevision(mine, mine.Version + 1);
        theirs.ChangeSettings(new EntitySettingsVersion(Today.AddDays(200), 0.12m, PayoutRule.DaysAfterEndOfWork(7), 0.2m, true), Today);
        second.UpdateRevision(theirs, theirs.Version + 1);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<ConcurrencyException>(() => second.SaveChangesAsync());
        var saved = await app.QueryStoreAsync<IGovernanceStore, CooperativeEntity>(async session => (await session.LoadAsync<CooperativeEntity>(structure.EntityId))!);
        Assert.Equal(versionBefore + 1, saved.Version);
        Assert.Contains(saved.Settings, s => s.ContributionRate == 0.11m);
        Assert.DoesNotContain(saved.Settings, s => s.ContributionRate == 0.12m);
    }

    /// <summary>
    /// Whichever way the two requests interleave, the second finds the first's version (a rule: 409) or saves over a
    /// stale revision (a concurrency conflict: 409); never two versions from one day, never an event for the loser.
    /// </summary>
    [Fact]
    public async Task Given_two_simultaneous_settings_changes_from_the_same_day_over_HTTP_Then_one_wins_and_the_other_is_409()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        // After any version the class's other test saved: before it, both requests would lose on the rule.
        var latest = await app.QueryStoreAsync<IGovernanceStore, DateOnly>(async session =>
            (await session.LoadAsync<CooperativeEntity>(structure.EntityId))!.Settings.Max(s => s.EffectiveFrom));
        var from = (latest > Today ? latest : Today).AddDays(30 + Random.Shared.Next(1000));
        var versionsBefore = await SettingsVersionsAsync(structure.EntityId);
        HttpResponseMessage[] responses = [];

        var tracked = await app.TrackAsync(async () => responses = await Task.WhenAll(new[] { 0.11m, 0.12m }.Select(rate =>
            admin.PostAsJsonAsync($"/api/governance/entities/{structure.EntityId}/settings", new
            {
                effectiveFrom = from, contributionRate = rate, payoutRule = "DaysAfterEndOfWork", payoutDay = 7, defaultVatRate = 0.20m, guaranteeFundAdvanceAllowed = true,
            }))));

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(versionsBefore + 1, await SettingsVersionsAsync(structure.EntityId));
        // Sent once to each subscribing module: one message, the winner's.
        Assert.Single(tracked.Sent.MessagesOf<EntitySettingsChanged>().Where(e => e.EntityId == structure.EntityId && e.EffectiveFrom == from).Distinct());
    }

    private Task<int> SettingsVersionsAsync(Guid entityId) => app.QueryStoreAsync<IGovernanceStore, int>(async session =>
        (await session.LoadAsync<CooperativeEntity>(entityId))!.Settings.Count);
}
