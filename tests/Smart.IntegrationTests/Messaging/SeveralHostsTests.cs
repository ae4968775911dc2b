using System.Net;
using System.Net.Http.Json;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Messaging;

/// <summary>Two hosts on one database in Wolverine's Balanced mode, as in production: each delivery is handled once.</summary>
public sealed class SeveralHostsTests : IAsyncLifetime
{
    private readonly SmartApp _first = new SmartApp().WithSetting("Smart:Bus:DurabilityMode", "Balanced");
    private SmartApp _second = null!;

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = new SmartApp(_first.Database, ownsDatabase: false).WithSetting("Smart:Bus:DurabilityMode", "Balanced");
        await _second.InitializeAsync();
    }

    [Fact]
    public async Task Given_two_hosts_dispatching_the_same_outboxes_Then_each_event_is_handled_once_by_each_consumer()
    {
        var structure = await _first.SeedStructureAsync(members: 1);
        var adminOnFirst = await _first.AdminClientAsync(structure);
        var adminOnSecond = await _second.AdminClientAsync(structure);
        var seeded = await CountAsync("SELECT count(*) FROM governance.mt_doc_member");

        var registrations = Enumerable.Range(0, 60).Select(i => (i % 2 == 0 ? adminOnFirst : adminOnSecond).PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName = "Host", lastName = $"Number{i}", email = $"host{i}@example.org", officeId = structure.LilleOfficeId,
        }));
        Assert.All(await Task.WhenAll(registrations), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await _first.WaitForBusIdleAsync();
        await _second.WaitForBusIdleAsync();

        var members = await CountAsync("SELECT count(*) FROM governance.mt_doc_member");
        Assert.Equal(seeded + 60, members);
        Assert.Equal(members, await CountAsync("SELECT count(*) FROM activities.mt_doc_member"));
        Assert.Equal(members, await CountAsync("SELECT count(*) FROM payroll.mt_doc_employee"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM wolverine.wolverine_dead_letters"));
    }

    private Task<int> CountAsync(string sql) => _first.Database.ScalarAsync<int>(sql);

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_second).DisposeAsync();
        await ((IAsyncLifetime)_first).DisposeAsync();
    }
}
