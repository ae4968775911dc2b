using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Assemblies;
using Smart.Modules.Governance.Domain.Shareholding;
using Smart.Modules.Governance.Seed;
using Wolverine;

namespace Smart.Benchmarks;

/// <summary>
/// Governance (issue 12): an assembly of SmartFr's 27,158 shareholders (2018), 10,000 electronic ballots cast over HTTP
/// by 2,500 voters on 4 resolutions from concurrent callers (throughput, p50, p99), then the close (voting rights, quorum,
/// tally by college) and the recount from the stored ballots, each timed. The register is written straight to the store
/// and the convocation is recorded without its 27,158 e-mails (no SMTP server in the bench); voters' bearer tokens are
/// issued by the host's token protector, as a login would.
/// </summary>
internal static class GovernanceBenchmark
{
    private const int Shareholders = 27_158;
    private const int Voters = 2_500;
    private const int Resolutions = 4;
    private const int Callers = 16;

    public static async Task RunAsync(WebApplicationFactory<global::Program> factory)
    {
        var services = factory.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedGovernanceDemoData(8));
        }
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        var clock = services.GetRequiredService<TimeProvider>();
        OfficeReference office;
        await using (var scope = services.CreateAsyncScope())
        {
            office = (await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<OfficeReference?>(new FindOffice("SmartFr", "Lille")))!;
        }
        var entityId = office.EntityId;
        var store = services.GetRequiredService<IGovernanceStore>();
        var voters = await SeedRegisterAsync(store, entityId, office.OfficeId, clock.Today());

        var admin = Client(factory, Token(services, clock, SmartRoles.Admin, null, entityId, null));
        var now = clock.GetUtcNow();
        var planned = await admin.PostAsJsonAsync("/api/governance/assemblies", new
        {
            entityId, title = "Assemblée générale (bench)", place = "Lille", firstConvocationAt = now.AddDays(30), secondConvocationAt = now.AddDays(44), durationMinutes = 240,
            agenda = new[] { "Comptes", "Statuts" },
            resolutions = Enumerable.Range(1, Resolutions).Select(i => new { title = $"Résolution {i}", text = "Texte", kind = i % 2 == 0 ? "Extraordinary" : "Ordinary" }),
        });
        var assemblyId = (await Ok(planned)).GetProperty("id").GetGuid();
        var resolutionIds = await ConveneWithoutMailsAsync(store, assemblyId, clock);

        var ballots = voters.Take(Voters).SelectMany(v => resolutionIds.Select((r, i) => (v.MemberId, Resolution: r, Choice: (v.Index + i) % 3 == 0 ? "No" : "Yes"))).ToList();
        var tokens = voters.Take(Voters).ToDictionary(v => v.MemberId, v => Token(services, clock, SmartRoles.Member, v.MemberId, entityId, office.OfficeId));
        var http = factory.CreateClient();
        var timings = new double[ballots.Count];
        var next = -1;
        var wall = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < ballots.Count; i = Interlocked.Increment(ref next))
            {
                var ballot = ballots[i];
                using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/governance/assemblies/{assemblyId}/resolutions/{ballot.Resolution}/ballot")
                {
                    Content = JsonContent.Create(new { choice = ballot.Choice }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[ballot.MemberId]);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"ballot: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(wall).TotalSeconds;
        Console.WriteLine($"Governance ballots: {ballots.Count} electronic ballots over HTTP ({Voters} voters x {Resolutions} resolutions, {Callers} concurrent callers, "
            + $"{Shareholders} shareholders): {ballots.Count / seconds:F0} ballots/s{PhysicalLimit.Share(ballots.Count / seconds)}, p50 {Stats.Percentile([.. timings], 0.50):F1} ms, p99 {Stats.Percentile([.. timings], 0.99):F1} ms");

        var started = Stopwatch.GetTimestamp();
        var closed = await Ok(await admin.PostAsJsonAsync($"/api/governance/assemblies/{assemblyId}/close", new { heldOn = "Second" }));
        var closeMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        var check = await Ok(await admin.GetAsync($"/api/governance/assemblies/{assemblyId}/tally"));
        var recountMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!check.GetProperty("matches").GetBoolean()) throw new InvalidOperationException("The recomputed tally differs from the published one.");
        var results = string.Join(", ", closed.GetProperty("resolutions").EnumerateArray()
            .Select(r => $"{r.GetProperty("result").GetDecimal():P2} {(r.GetProperty("adopted").GetBoolean() ? "adopted" : "rejected")}"));
        Console.WriteLine($"Governance tally: close over HTTP (voting rights of {closed.GetProperty("votingRights").GetInt32()}, {closed.GetProperty("presentOrRepresented").GetInt32()} present, "
            + $"{ballots.Count} ballots counted by college) {closeMs:F0} ms; recount from the ballots {recountMs:F0} ms, equal to the published tally; results {results}");
    }

    private sealed record Voter(int Index, Guid MemberId);

    /// <summary>27,158 shareholders in SmartFr's categories, admitted over the years; the first ones are the members who vote.</summary>
    private static async Task<IReadOnlyList<Voter>> SeedRegisterAsync(IGovernanceStore store, Guid entityId, Guid officeId, DateOnly today)
    {
        var rules = GovernanceRulesVersion.SmartFr(new DateOnly(2013, 1, 1));
        await using (var session = store.LightweightSession())
        {
            if (await session.LoadAsync<GovernanceRules>(entityId) is null)
            {
                var history = GovernanceRules.Of(entityId);
                history.Add(rules, rules.EffectiveFrom);
                session.Store(history);
                await session.SaveChangesAsync();
            }
        }
        var started = Stopwatch.GetTimestamp();
        var voters = new List<Voter>();
        var categories = Enum.GetValues<ShareholderCategory>();
        for (var batch = 0; batch < Shareholders; batch += 2_000)
        {
            await using var session = store.LightweightSession();
            for (var i = batch; i < Math.Min(Shareholders, batch + 2_000); i++)
            {
                var id = Guid.CreateVersion7();
                var memberId = Guid.CreateVersion7();
                // Nine in ten are members using the services; the rest spread over the other categories.
                var category = i % 10 != 9 ? ShareholderCategory.ActivityCoordinator : categories[1 + i / 10 % (categories.Length - 1)];
                var admitted = new ShareholderAdmitted(id, entityId, memberId, officeId, $"Associé {i}", $"associe-{i}@bench.example.org", category,
                    today.AddDays(-1 - i % 2_000), "CA");
                session.Events.StartStream<Shareholder>(id, Shareholder.Admit(admitted, rules.For(category).MinimumShares, rules, today).Cast<object>().ToArray());
                if (category == ShareholderCategory.ActivityCoordinator) voters.Add(new Voter(i, memberId));
            }
            await session.SaveChangesAsync();
        }
        Console.WriteLine($"Governance bench register: {Shareholders} shareholders written in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        return voters;
    }

    private static async Task<IReadOnlyList<Guid>> ConveneWithoutMailsAsync(IGovernanceStore store, Guid assemblyId, TimeProvider clock)
    {
        await using var session = store.LightweightSession();
        var assembly = (await session.LoadAsync<Assembly>(assemblyId))!;
        assembly.Convene(noticeDays: 15, clock.Today());
        session.UpdateRevision(assembly, assembly.Version + 1);
        session.Insert(BallotBoxKey.For(assembly.Id));
        await session.SaveChangesAsync();
        return assembly.Resolutions.Select(r => r.Id).ToList();
    }

    /// <summary>A bearer token for these claims from the host's own protector, as the login endpoint issues them.</summary>
    private static string Token(IServiceProvider services, TimeProvider clock, string role, Guid? memberId, Guid entityId, Guid? officeId)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(ClaimTypes.Role, role), new(SmartClaims.EntityId, entityId.ToString()) };
        if (memberId is { } member) claims.Add(new Claim(SmartClaims.MemberId, member.ToString()));
        if (officeId is { } office) claims.Add(new Claim(SmartClaims.OfficeId, office.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.BearerScheme));
        var properties = new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow().AddHours(2) };
        var options = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        return options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme));
    }

    private static HttpClient Client(WebApplicationFactory<global::Program> factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
