using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities;
using Smart.Modules.Activities.Members;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Persistence;
using Wolverine.Tracking;

namespace Smart.IntegrationTests.Messaging;

public sealed class ProbeApp : SmartApp
{
    public ProbeApp()
    {
        WithModule(Probe);
    }

    public ProbeModule Probe { get; } = new();
}

/// <summary>MemberRegistered on the Wolverine bus: each module handles it once, failures retry, dead-letter and replay.</summary>
public sealed class MessageBusTests(ProbeApp app) : IClassFixture<ProbeApp>
{
    [Fact]
    public async Task Given_a_registered_member_Then_the_event_reaches_each_subscribing_module_exactly_once()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var email = $"once-{Guid.NewGuid():N}@example.org";
        Guid memberId = default;

        var tracked = await app.TrackAsync(async () => memberId = await RegisterAsync(admin, structure, email));

        var deliveries = tracked.AllRecordsInOrder()
            .Where(r => r.MessageEventType == MessageEventType.MessageSucceeded && r.Message is MemberRegistered m && m.Email == email)
            .Select(r => r.Envelope!)
            .ToList();
        Assert.Equal(5, deliveries.Count); // Activities, Payroll, Training, Reporting and the probe, each on its own queue
        Assert.Equal(5, deliveries.Select(e => e.Destination).Distinct().Count());
        Assert.Equal(1, await ActivitiesMembersAsync(memberId));
        Assert.NotNull(await app.QueryStoreAsync<IPayrollStore, Employee?>(s => s.LoadAsync<Employee>(memberId)));
        // The inbox is the subject here: one envelope per subscribing queue, each marked handled in its consumer's transaction.
        Assert.Equal(5, await app.Database.ScalarAsync<int>(
            "SELECT count(*) FROM wolverine.wolverine_incoming_envelopes WHERE id = ANY(@p0) AND status = 'Handled'", deliveries.Select(e => e.Id).ToArray()));
    }

    [Fact]
    public async Task Given_a_message_type_Then_it_is_stored_under_its_stable_alias_not_its_class_name()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);

        var tracked = await app.TrackAsync(() => RegisterAsync(admin, structure, $"alias-{Guid.NewGuid():N}@example.org"));

        Assert.All(tracked.Executed.Envelopes().Where(e => e.Message is MemberRegistered),
            envelope => Assert.Equal("governance.member-registered.v1", envelope.MessageType));
    }

    [Fact]
    public async Task Given_a_consumer_that_throws_twice_Then_it_is_retried_and_handles_the_event_once()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var email = $"flaky-{Guid.NewGuid():N}@example.org";
        app.Probe.Faults.FailuresToThrow[email] = 2;
        Guid memberId = default;

        await app.TrackAsync(async () => memberId = await RegisterAsync(admin, structure, email),
            until: new Succeeded<MemberRegistered>(m => m.Email == email, times: 5)); // Activities, Payroll, Training, Reporting, the probe

        Assert.Equal(3, app.Probe.Faults.Attempts[email]);
        Assert.Equal(1, await ProbeRecordsAsync(memberId));
        Assert.Equal(1, await ActivitiesMembersAsync(memberId));
    }

    [Fact]
    public async Task Given_a_consumer_waiting_4_times_for_a_fact_not_arrived_yet_Then_the_wait_ladder_retries_it_until_it_handles_the_event_once()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var email = $"waiting-{Guid.NewGuid():N}@example.org";
        app.Probe.Faults.FailuresToThrow[email] = 4; // more than the 2 retries of any other failure (Smart:Bus:RetryDelays)
        app.Probe.Faults.Waiting[email] = 0;
        Guid memberId = default;

        await app.TrackAsync(async () => memberId = await RegisterAsync(admin, structure, email),
            until: new Succeeded<MemberRegistered>(m => m.Email == email, times: 5));

        Assert.Equal(5, app.Probe.Faults.Attempts[email]);
        Assert.Equal(1, await ProbeRecordsAsync(memberId));
    }

    [Fact]
    public async Task Given_a_consumer_that_always_throws_Then_the_event_ends_in_dead_letters_and_a_replay_after_the_fix_handles_it_once()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);
        var operations = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);
        var email = $"broken-{Guid.NewGuid():N}@example.org";
        app.Probe.Faults.FailuresToThrow[email] = int.MaxValue;
        Guid memberId = default;

        await app.TrackAsync(async () => memberId = await RegisterAsync(admin, structure, email),
            until: new DeadLettered<MemberRegistered>(m => m.Email == email));

        // The faulty subscriber does not hold back the healthy ones.
        Assert.Equal(1, await ActivitiesMembersAsync(memberId));
        Assert.Equal(3, app.Probe.Faults.Attempts[email]);
        var letters = await operations.GetFromJsonAsync<List<DeadLetterView>>("/api/operations/dead-letters");
        var letter = Assert.Single(letters!, l => l.ExceptionMessage.Contains(email));
        Assert.Equal("governance.member-registered.v1", letter.MessageType);
        Assert.Contains("probehandler", letter.Queue, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Probe fault 3", letter.ExceptionMessage);
        Assert.Equal(0, await ProbeRecordsAsync(memberId));

        app.Probe.Faults.FailuresToThrow.TryRemove(email, out _);
        await app.TrackAsync(async () =>
                Assert.Equal(HttpStatusCode.Accepted, (await operations.PostAsync($"/api/operations/dead-letters/{letter.Id}/replay", null)).StatusCode),
            until: new Succeeded<MemberRegistered>(m => m.Email == email));

        Assert.Equal(1, await ProbeRecordsAsync(memberId));
        Assert.Equal(1, await ActivitiesMembersAsync(memberId));
        Assert.DoesNotContain(await operations.GetFromJsonAsync<List<DeadLetterView>>("/api/operations/dead-letters") ?? [], l => l.Id == letter.Id);
    }

    [Fact]
    public void Given_a_started_host_Then_every_handler_is_attached_before_its_first_message()
    {
        // Attached on a first message instead, two at once could meet a half-built handler (HandlerWarmUp). Wolverine
        // keeps a chain's handler internal: read it as the test of that guarantee.
        var handlers = ((Wolverine.Runtime.WolverineRuntime)app.Services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>()).Handlers;
        var handlerOf = typeof(Wolverine.Runtime.Handlers.HandlerChain).GetProperty("Handler",
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        var chains = handlers.Chains.Where(c => c.Handlers.Count > 0).Concat(handlers.Chains.SelectMany(c => c.ByEndpoint)).ToList();

        Assert.True(chains.Count > 100, $"{chains.Count} chains");
        Assert.All(chains, chain => Assert.NotNull(handlerOf.GetValue(chain)));
    }

    [Fact]
    public async Task Given_a_batch_with_a_member_that_always_fails_Then_the_others_are_handled_once_and_it_alone_ends_in_dead_letters()
    {
        var run = Guid.NewGuid().ToString("N");
        var tallies = Enumerable.Range(1, 3).Select(i => new ProbeTally(Guid.NewGuid(), $"tally-{i}-{run}@example.org")).ToArray();
        var broken = tallies[1];
        app.Probe.Faults.FailuresToThrow[broken.Email] = int.MaxValue;

        var session = await app.TrackAsync(async () =>
        {
            // Published together, they make one batch (within the 50 ms of its trigger).
            await using var scope = app.Services.CreateAsyncScope();
            var bus = scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>();
            foreach (var tally in tallies) await bus.PublishAsync(tally);
        }, until: new DeadLettered<ProbeTally[]>(batch => batch.Length == 1 && batch[0] == broken));

        Assert.All(tallies.Where(t => t != broken), t => Assert.Equal(1, app.Probe.Faults.Attempts[t.Email]));
        var records = await Task.WhenAll(tallies.Select(t => ProbeRecordsAsync(t.MemberId)));
        Assert.Equal(new[] { 1, 0, 1 }, records);
        // Alone, the straggler went through the bus's ladder: its first attempt in the batch, then 3 (Smart:Bus:RetryDelays has 2 retries).
        Assert.Equal(4, app.Probe.Faults.Attempts[broken.Email]);
        Assert.Single(session.DeadLetterReasons());
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
    public async Task Given_a_message_scheduled_from_a_handler_Then_it_waits_in_the_store_until_its_time_and_is_then_handled_once()
    {
        var soon = Guid.NewGuid();
        var later = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        await app.TrackAsync(() => app.InvokeAsync(new ScheduleRecord(later, "later@example.org", now.AddHours(1))));
        var tracked = await app.TrackAsync(() => app.InvokeAsync(new ScheduleRecord(soon, "soon@example.org", now.AddMilliseconds(300))),
            until: new Succeeded<RecordLater>(r => r.MemberId == soon));

        Assert.Single(tracked.Scheduled.MessagesOf<RecordLater>(), r => r.MemberId == soon);
        Assert.Equal(1, await ProbeRecordsAsync(soon));
        // The one due in an hour is still waiting, durably, in Wolverine's store.
        Assert.Equal(0, await ProbeRecordsAsync(later));
        Assert.Equal(1, await app.Database.ScalarAsync<int>(
            "SELECT count(*) FROM wolverine.wolverine_incoming_envelopes WHERE status = 'Scheduled' AND message_type = 'probe.record-later.v1' AND execution_time > now() + interval '50 minutes'"));
    }

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

    /// <summary>What the probe's handler stored for a member: one record per handled delivery that committed.</summary>
    private Task<int> ProbeRecordsAsync(Guid memberId) =>
        app.QueryStoreAsync<IProbeStore, int>(session => session.Query<ProbeRecord>().CountAsync(r => r.MemberId == memberId));

    /// <summary>Activities' copy of the member: 1 once it arrived.</summary>
    private Task<int> ActivitiesMembersAsync(Guid memberId) =>
        app.QueryStoreAsync<IActivitiesStore, int>(async session => await session.LoadAsync<Member>(memberId) is null ? 0 : 1);
}
