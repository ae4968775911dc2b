using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Messaging;

/// <summary>A host killed with SIGKILL after the command committed and before delivery loses nothing and delivers once after restart.</summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private const string DemoPassword = "Smart-demo-2026!";
    private readonly TestDatabase _database = TestDatabase.Create();

    private sealed record Office(Guid Id, Guid EntityId, string Name);

    [Fact]
    public async Task Given_a_host_killed_after_commit_and_before_delivery_Then_the_restarted_host_delivers_the_event_exactly_once()
    {
        Guid memberId;
        using (var crashing = HostProcess.Start(_database, dispatcherEnabled: false))
        {
            var client = await crashing.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
            await HostProcess.LoginAsync(client, "admin@smart.coop", DemoPassword);
            var offices = await client.GetFromJsonAsync<List<Office>>("/api/governance/offices");
            var lille = offices!.First(o => o.Name == "Lille");
            var response = await client.PostAsJsonAsync("/api/governance/members", new
            {
                kind = "Person", firstName = "Kim", lastName = "Crash", email = "kim.crash@example.org", officeId = lille.Id,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            memberId = (await response.Content.ReadFromJsonAsync<ResourceCreated>())!.Id;

            // Committed: one delivery per subscriber waits in Governance's outbox; nobody has it yet.
            Assert.Equal(2, await CountAsync("SELECT count(*) FROM governance.outbox_messages WHERE payload->>'memberId' = @p0", memberId.ToString()));
            Assert.Equal(0, await CountAsync("SELECT count(*) FROM activities.members WHERE member_id = @p0", memberId));

            crashing.Kill();
        }

        using var restarted = HostProcess.Start(_database, dispatcherEnabled: true);
        await restarted.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await CountAsync("SELECT count(*) FROM governance.outbox_messages") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The restarted host did not drain the outbox:\n" + restarted.Output);
            await Task.Delay(50);
        }

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM activities.members WHERE member_id = @p0", memberId));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM payroll.employees WHERE member_id = @p0", memberId));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM governance.dead_letters"));
        // Every member's event, the demo seed's and ours, was handled exactly once by each consumer.
        var members = await CountAsync("SELECT count(*) FROM governance.members");
        Assert.Equal(members, await CountAsync("SELECT count(*) FROM activities.inbox_messages WHERE handler LIKE '%MemberRegisteredHandler'"));
        Assert.Equal(members, await CountAsync("SELECT count(*) FROM payroll.inbox_messages WHERE handler LIKE '%MemberRegisteredHandler'"));
        Assert.Equal(members, await CountAsync("SELECT count(*) FROM activities.members"));
    }

    private Task<int> CountAsync(string sql, params object[] parameters) => _database.ScalarAsync<int>(sql, parameters);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
