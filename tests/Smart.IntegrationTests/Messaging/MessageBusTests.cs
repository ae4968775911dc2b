using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Smart.BuildingBlocks.Messaging;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Persistence;
using Smart.Modules.Payroll.Persistence;

namespace Smart.IntegrationTests.Messaging;

public sealed class ProbeApp : SmartApp
{
    public ProbeApp()
    {
        WithModule(Probe);
    }

    public ProbeModule Probe { get; } = new();
}

/// <summary>The flow of issue 2 on the real bus: MemberRegistered reaches Activities and Payroll once, failures retry and dead-letter.</summary>
public sealed class MessageBusTests(ProbeApp app) : IClassFixture<ProbeApp>
{
    private const string ActivitiesHandler = "Activities:Smart.Modules.Activities.Members.MemberRegisteredHandler";
    private const string PayrollHandler = "Payroll:Smart.Modules.Payroll.Members.MemberRegisteredHandler";

    [Fact]
    public async Task Given_a_registered_member_Then_the_event_reaches_Activities_and_Payroll_exactly_once()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var inboxBefore = await InboxCountAsync(ActivitiesHandler);

        var memberId = await RegisterAsync(admin, structure, $"once-{Guid.NewGuid():N}@example.org");
        await app.WaitForBusIdleAsync();

        Assert.Equal(1, await app.QueryAsync<ActivitiesDbContext, int>(db => db.Members.CountAsync(m => m.MemberId == memberId)));
        Assert.Equal(1, await app.QueryAsync<PayrollDbContext, int>(db => db.Employees.CountAsync(e => e.MemberId == memberId)));
        Assert.Equal(inboxBefore + 1, await InboxCountAsync(ActivitiesHandler));
        Assert.Equal(1, await app.Database.ScalarAsync<int>(
            "SELECT count(*) FROM payroll.inbox_messages i WHERE i.handler = @p0 AND i.message_id = (SELECT message_id FROM activities.inbox_messages ORDER BY handled_at DESC LIMIT 1)", PayrollHandler));
    }

    [Fact]
    public async Task Given_an_event_delivered_again_after_a_crash_Then_the_inbox_lets_it_through_once()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var email = $"twice-{Guid.NewGuid():N}@example.org";
        var memberId = await RegisterAsync(admin, structure, email);
        await app.WaitForBusIdleAsync();
        var messageId = await app.Database.ScalarAsync<Guid>(
            "SELECT message_id FROM activities.inbox_messages WHERE handler = @p0 ORDER BY handled_at DESC LIMIT 1", ActivitiesHandler);

        // The same delivery again, as after a host died between the consumer's commit and the outbox delete.
        await app.Database.ScalarAsync<int>(
            """
            INSERT INTO governance.outbox_messages (message_id, message_type, payload, handler, correlation_id, created_at, deliver_at, attempts)
            VALUES (@p0, 'governance.member-registered.v1', jsonb_build_object('memberId', @p1::uuid, 'kind', 'Person', 'displayName', 'X Y', 'email', @p2::text,
                    'entityId', @p3::uuid, 'officeId', @p4::uuid, 'registeredOn', '2026-01-05'), @p5, gen_random_uuid(), now(), now(), 0)
            RETURNING 1
            """, messageId, memberId, email, structure.EntityId, structure.LilleOfficeId, ActivitiesHandler);
        await app.WaitForBusIdleAsync();

        Assert.Equal(1, await app.QueryAsync<ActivitiesDbContext, int>(db => db.Members.CountAsync(m => m.MemberId == memberId)));
        Assert.Equal(1, await app.Database.ScalarAsync<int>("SELECT count(*) FROM activities.inbox_messages WHERE message_id = @p0 AND handler = @p1", messageId, ActivitiesHandler));
        Assert.Equal(0, await app.Database.ScalarAsync<int>("SELECT count(*) FROM governance.dead_letters WHERE message_id = @p0", messageId));
    }

    [Fact]
    public async Task Given_a_consumer_that_throws_twice_Then_it_is_retried_and_handles_the_event_once()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var email = $"flaky-{Guid.NewGuid():N}@example.org";
        app.Probe.Faults.FailuresToThrow[email] = 2;

        var memberId = await RegisterAsync(admin, structure, email);
        await app.WaitForBusIdleAsync();

        Assert.Equal(3, app.Probe.Faults.Attempts[email]);
        Assert.Equal(1, await app.QueryAsync<ProbeDbContext, int>(db => db.Records.CountAsync(r => r.MemberId == memberId)));
        Assert.Equal(0, await app.Database.ScalarAsync<int>("SELECT count(*) FROM governance.dead_letters WHERE payload->>'email' = @p0", email));
    }

    [Fact]
    public async Task Given_a_consumer_that_always_throws_Then_the_event_ends_in_dead_letters_and_a_replay_after_the_fix_handles_it_once()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var operations = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);
        var email = $"broken-{Guid.NewGuid():N}@example.org";
        app.Probe.Faults.FailuresToThrow[email] = int.MaxValue;

        var memberId = await RegisterAsync(admin, structure, email);
        await app.WaitForBusIdleAsync();

        // The faulty subscriber does not hold back the healthy ones.
        Assert.Equal(1, await app.QueryAsync<ActivitiesDbContext, int>(db => db.Members.CountAsync(m => m.MemberId == memberId)));
        var letters = await operations.GetFromJsonAsync<List<DeadLetterView>>("/api/operations/dead-letters?module=governance");
        var letter = Assert.Single(letters!, l => l.Payload.Contains(email));
        Assert.Equal(3, letter.Attempts);
        Assert.StartsWith("Probe:", letter.Handler);
        Assert.Contains("Probe fault 3", letter.Error);
        Assert.Equal(0, await app.QueryAsync<ProbeDbContext, int>(db => db.Records.CountAsync(r => r.MemberId == memberId)));

        app.Probe.Faults.FailuresToThrow.TryRemove(email, out _);
        var replay = await operations.PostAsync($"/api/operations/dead-letters/{letter.Id}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await app.WaitForBusIdleAsync();

        Assert.Equal(1, await app.QueryAsync<ProbeDbContext, int>(db => db.Records.CountAsync(r => r.MemberId == memberId)));
        Assert.Equal(1, await app.QueryAsync<ActivitiesDbContext, int>(db => db.Members.CountAsync(m => m.MemberId == memberId)));
        Assert.Equal(HttpStatusCode.NotFound, (await operations.PostAsync($"/api/operations/dead-letters/{letter.Id}/replay", null)).StatusCode);
    }

    [Fact]
    public async Task Given_dead_letter_endpoints_Then_members_cannot_use_them_and_unknown_ids_are_404()
    {
        var structure = await app.SeedStructureAsync();
        var member = await app.ClientAsync(SmartRoles.Member, entityId: structure.EntityId);
        var operations = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/operations/dead-letters")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operations.PostAsync($"/api/operations/dead-letters/{Guid.NewGuid()}/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operations.PostAsync("/api/operations/dead-letters/not-a-guid/replay", null)).StatusCode);
    }

    [Fact]
    public async Task Given_a_stored_message_of_unknown_type_Then_it_is_dead_lettered_at_once()
    {
        await app.SeedStructureAsync();
        var messageId = Guid.NewGuid();
        await app.Database.ScalarAsync<int>(
            """
            INSERT INTO payroll.outbox_messages (message_id, message_type, payload, handler, correlation_id, created_at, deliver_at, attempts)
            VALUES (@p0, 'payroll.no-such-message.v1', '{}', 'Payroll:Nobody', gen_random_uuid(), now(), now(), 0) RETURNING 1
            """, messageId);
        await app.WaitForBusIdleAsync();

        Assert.Equal(1, await app.Database.ScalarAsync<int>("SELECT attempts FROM payroll.dead_letters WHERE message_id = @p0", messageId));
        Assert.Contains("Unknown message type", await app.Database.ScalarAsync<string>("SELECT error FROM payroll.dead_letters WHERE message_id = @p0", messageId));
    }

    [Fact]
    public async Task Given_a_message_published_outside_a_handler_Then_it_is_refused_since_it_could_not_join_a_transaction()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => bus.PublishAsync(new RecordLater(Guid.NewGuid(), "x@example.org")).AsTask());
    }

    private async Task<int> InboxCountAsync(string handler) =>
        await app.Database.ScalarAsync<int>("SELECT count(*) FROM activities.inbox_messages WHERE handler = @p0", handler);

    internal static async Task<Guid> RegisterAsync(HttpClient admin, Structure structure, string email)
    {
        var response = await admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person",
            firstName = "Alex",
            lastName = "Probe",
            email,
            officeId = structure.LilleOfficeId,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Smart.BuildingBlocks.Web.ResourceCreated>())!.Id;
    }
}

/// <summary>Scheduled delivery with a clock the test moves: nothing is delivered before its time, and nothing waits for real.</summary>
public sealed class ScheduledDeliveryTests : IClassFixture<ScheduledDeliveryTests.ClockApp>
{
    private readonly ClockApp _app;

    public ScheduledDeliveryTests(ClockApp app) => _app = app;

    public sealed class ClockApp : SmartApp
    {
        public ClockApp()
        {
            WithModule(new ProbeModule());
            WithManualClock(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task Given_a_message_scheduled_in_an_hour_Then_it_is_delivered_only_once_the_hour_has_passed()
    {
        var memberId = Guid.NewGuid();
        var at = _app.Clock!.GetUtcNow().AddHours(1);

        await _app.InvokeAsync(new ScheduleRecord(memberId, "later@example.org", at));
        var dispatcher = _app.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();
        var probe = _app.Services.GetRequiredService<Smart.BuildingBlocks.Modules.ModuleCatalog>().Modules.Single(m => m.Name == "Probe");
        Assert.Equal(0, await dispatcher.DispatchDueAsync(probe, CancellationToken.None));
        Assert.Equal(0, await _app.QueryAsync<ProbeDbContext, int>(db => db.Records.CountAsync(r => r.MemberId == memberId)));
        Assert.Equal(at, await _app.Database.ScalarAsync<DateTimeOffset>("SELECT deliver_at FROM probe.outbox_messages WHERE payload->>'memberId' = @p0", memberId.ToString()));

        _app.Clock.Advance(TimeSpan.FromHours(1));
        await _app.WaitForBusIdleAsync();

        Assert.Equal(1, await _app.QueryAsync<ProbeDbContext, int>(db => db.Records.CountAsync(r => r.MemberId == memberId)));
    }
}
