using System.Diagnostics;
using System.Net;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.DemoData;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Directory;
using Smart.Modules.Governance.Domain.Offices;
using Smart.Modules.Governance.Seed;
using Wolverine;

namespace Smart.Benchmarks;

/// <summary>
/// The member directory (issue 12): French full-text searches over HTTP on 25,000 profiles of one entity — a trade or
/// a skill word, half of them with an office filter — p50 and p99 (the bar: p99 under 20 ms).
/// </summary>
internal static class DirectoryBenchmark
{
    private const int Profiles = 25_000;

    private static readonly string[] Words = ["comédienne", "graphistes", "photographe", "doublage", "guitare", "reportage", "formateurs", "affiches",
        "montage", "chorégraphie", "relations presse", "accessibilité numérique"];

    public static async Task RunAsync(WebApplicationFactory<global::Program> factory, int samples)
    {
        var services = factory.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedGovernanceDemoData(8));
        }
        await services.WaitForIdleBusAsync(TimeSpan.FromMinutes(2));
        var (client, member) = await BenchAccounts.MemberClientAsync(factory, "directory-bench@smart.coop");
        var offices = await SeedProfilesAsync(services, member);

        var random = new Random(12);
        var timings = new List<double>();
        var found = 0L;
        for (var i = 0; i < samples + 50; i++)
        {
            var query = $"q={Uri.EscapeDataString(Words[random.Next(Words.Length)])}" + (random.Next(2) == 0 ? $"&officeId={offices[random.Next(offices.Length)]}" : "");
            var started = Stopwatch.GetTimestamp();
            var response = await client.GetAsync($"/api/governance/directory?{query}");
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"directory: {(int)response.StatusCode} {body}");
            if (i >= 50)
            {
                timings.Add(elapsed); // the first calls warm up
                found += body.Length;
            }
        }
        Console.WriteLine($"Directory search, {samples} French full-text searches over HTTP on {Profiles:N0} profiles (a word, half with an office): "
            + $"p50 {Stats.Percentile(timings, 0.50):F2} ms, p99 {Stats.Percentile(timings, 0.99):F2} ms ({found / Math.Max(1, timings.Count) / 1024} KB a page)");
    }

    /// <summary>25,000 profiles in the member's entity, spread over its offices, shaped like the demo's (a trade, some skills, fields opted in).</summary>
    private static async Task<Guid[]> SeedProfilesAsync(IServiceProvider services, MemberReference member)
    {
        var store = services.GetRequiredService<IGovernanceStore>();
        Guid[] offices;
        await using (var session = store.QuerySession())
        {
            offices = (await session.Query<Office>().Where(o => o.EntityId == member.EntityId).Select(o => o.Id).ToListAsync()).ToArray();
        }
        var random = new Random(2018);
        var now = DateTimeOffset.UtcNow;
        var profiles = Enumerable.Range(0, Profiles).Select(i =>
        {
            var trade = FrenchVocabulary.Trades[random.Next(FrenchVocabulary.Trades.Length)];
            var shown = new List<DirectoryField> { DirectoryField.Trade, DirectoryField.Skills };
            if (random.NextDouble() < 0.8) shown.Add(DirectoryField.Office);
            if (random.NextDouble() < 0.5) shown.Add(DirectoryField.Email);
            var skills = trade.Skills.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToList();
            return DirectoryProfile.Publish(Guid.CreateVersion7(), member.EntityId, offices[random.Next(offices.Length)],
                $"{FrenchVocabulary.Surnames[random.Next(FrenchVocabulary.Surnames.Length)]} {i}", new DirectoryDetails(
                    random.Next(2) == 0 ? trade.Feminine : trade.Masculine, skills, null, "06 00 00 00 00", $"membre{i}@example.org"), shown, now);
        }).ToList();
        await store.BulkInsertDocumentsAsync(profiles);
        await using (var session = store.LightweightSession())
        {
            // Fresh statistics, so the planner sees the full-text index's worth at once (as it would on a live table).
            session.QueueSqlCommand("ANALYZE governance.mt_doc_directoryprofile");
            await session.SaveChangesAsync();
        }
        return offices;
    }
}
