using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Smart.BuildingBlocks.Web;
using Smart.Host.Identity;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Messaging;

/// <summary>
/// A host killed with SIGKILL after a command committed, while its event's subscribers were still at work, loses
/// nothing: the restarted host delivers the event to each subscriber exactly once.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();

    private sealed record Office(Guid Id, Guid EntityId, string Name);

    [Fact]
    public async Task Given_a_host_killed_after_commit_and_before_delivery_Then_the_restarted_host_delivers_the_event_exactly_once()
    {
        // Offices, a few members and the demo logins, seeded by a host in this process that is gone before the real one starts.
        var seeding = new SmartApp(_database, ownsDatabase: false);
        await seeding.InitializeAsync();
        try
        {
            await seeding.SeedStructureAsync();
            await DemoAccounts.SeedAsync(seeding.Services, CancellationToken.None);
        }
        finally
        {
            await ((IAsyncLifetime)seeding).DisposeAsync();
        }

        Guid memberId;
        using (var crashing = HostProcess.Start(_database))
        {
            var client = await crashing.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
            await crashing.LoginAsync(client, "admin@smart.coop", DemoAccounts.Password, TimeSpan.FromSeconds(10));
            var offices = await client.GetFromJsonAsync<List<Office>>("/api/governance/offices");
            var lille = offices!.First(o => o.Name == "Lille");

            // The subscribers' tables are held, so their transactions cannot commit before the host dies.
            await using var blocker = new NpgsqlConnection(_database.ConnectionString);
            await blocker.OpenAsync();
            await using var hold = await blocker.BeginTransactionAsync();
            await new NpgsqlCommand("LOCK TABLE activities.mt_doc_member, payroll.mt_doc_employee, training.mt_doc_membercopy IN ACCESS EXCLUSIVE MODE", blocker, hold).ExecuteNonQueryAsync();

            var response = await client.PostAsJsonAsync("/api/governance/members", new
            {
                kind = "Person", firstName = "Kim", lastName = "Crash", email = "kim.crash@example.org", officeId = lille.Id,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            memberId = (await response.Content.ReadFromJsonAsync<ResourceCreated>())!.Id;

            // Committed with the member: one envelope per subscribing module, none of the held ones handled yet (Reporting's
            // is not held and may be handled already).
            Assert.Equal(3, await CountAsync(
                """
                SELECT count(*) FROM wolverine.wolverine_incoming_envelopes
                WHERE message_type = 'governance.member-registered.v1' AND status = 'Incoming'
                  AND split_part(received_at, '.', 3) IN ('activities', 'payroll', 'training')
                """));

            crashing.Kill();
            await hold.RollbackAsync();
        }

        using var restarted = HostProcess.Start(_database);
        await restarted.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await CountAsync("SELECT count(*) FROM activities.mt_doc_member WHERE id = @p0", memberId) == 0
               || await CountAsync("SELECT count(*) FROM payroll.mt_doc_employee WHERE id = @p0", memberId) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The restarted host did not deliver the event:\n" + restarted.Output);
            await Task.Delay(50);
        }

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM activities.mt_doc_member WHERE id = @p0", memberId));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM payroll.mt_doc_employee WHERE id = @p0", memberId));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM wolverine.wolverine_dead_letters"));
        // Every member's event, the seed's and ours, reached each consumer exactly once.
        var members = await CountAsync("SELECT count(*) FROM governance.mt_doc_member");
        Assert.Equal(members, await CountAsync("SELECT count(*) FROM activities.mt_doc_member"));
        Assert.Equal(members, await CountAsync("SELECT count(*) FROM payroll.mt_doc_employee"));
    }

    private Task<int> CountAsync(string sql, params object[] parameters) => _database.ScalarAsync<int>(sql, parameters);

    public Task InitializeAsync() => _database.CreateFromTemplateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
