using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.IntegrationTests.Payroll;
using Xunit.Abstractions;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Api.Fuzzing;

/// <summary>
/// Mutated requests to every write operation of the OpenAPI document (and every GET with parameters), as every role,
/// on real data: whatever a client sends, the answer is never a 5xx. The seed is fixed, so a failure repeats.
/// </summary>
public sealed class ApiFuzzTests(SmartApp app, ITestOutputHelper output) : IClassFixture<SmartApp>
{
    /// <summary>Fixed, so that a failure repeats; SMART_FUZZ_SEED explores other runs by hand.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SMART_FUZZ_SEED"), out var seed) ? seed : 20261130;

    // 5 roles × (123 writes × 4 + 122 reads × 2) = 3,680 requests (6,140 with 8 per write took 47 s of a 10-minute suite on
    // two cores); a finding is pinned in FuzzFindingsTests, and SMART_FUZZ_SEED explores other runs by hand.
    private const int RequestsPerWriteAndRole = 4;
    private const int RequestsPerReadAndRole = 2;
    private const int MinimumRequests = 3_000;

    private sealed record Failure(string Operation, string Role, FuzzRequest Request, string Status, string Response);

    [Fact]
    public async Task Given_mutated_requests_to_every_operation_as_every_role_Then_none_is_answered_with_a_5xx()
    {
        var ids = new IdPool();
        var clients = await SeedAsync(ids);
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var operations = ApiOperation.ToFuzz(document);
        var random = new Random(Seed);
        var fuzzer = new RequestFuzzer(random, document, ids);
        var schedule = (from operation in operations
                        from role in clients.Keys
                        from _ in Enumerable.Range(0, operation.Writes ? RequestsPerWriteAndRole : RequestsPerReadAndRole)
                        select (Operation: operation, Role: role)).ToArray();
        random.Shuffle(schedule);

        var failures = new List<Failure>();
        var statuses = new SortedDictionary<int, int>();
        var accepted = new HashSet<string>(); // operations that answered a 2xx at least once: the fuzzer reached their handlers
        var watch = Stopwatch.StartNew();
        foreach (var (operation, role) in schedule)
        {
            var request = fuzzer.Next(operation);
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url) { Content = request.Content };
            try
            {
                using var response = await clients[role].SendAsync(message);
                var body = await response.Content.ReadAsStringAsync();
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add(new Failure(operation.Key, role, request, ((int)response.StatusCode).ToString(), body));
                }
                if (response.IsSuccessStatusCode)
                {
                    accepted.Add(operation.Key);
                }
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Harvest(ids, operations, operation, response, body);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // An exception that escapes the host reaches the test server's client instead of a 500.
                failures.Add(new Failure(operation.Key, role, request, "exception", exception.ToString()));
            }
        }
        output.WriteLine($"{schedule.Length} requests to {operations.Count} operations ({operations.Count(o => o.Writes)} writes) as {clients.Count} roles in {watch.Elapsed.TotalSeconds:F1} s, seed {Seed}; "
            + string.Join(", ", statuses.Select(s => $"{s.Value} × {s.Key}")));
        output.WriteLine($"Write operations that accepted a request: {accepted.Count(a => !a.StartsWith("GET ", StringComparison.Ordinal))} of {operations.Count(o => o.Writes)}; "
            + $"never: {string.Join(", ", operations.Where(o => o.Writes && !accepted.Contains(o.Key)).Select(o => o.Key))}");

        Assert.True(schedule.Length >= MinimumRequests, $"Only {schedule.Length} requests: the OpenAPI document lost operations?");
        Assert.True(operations.Count(o => o.Writes) >= 30, $"Only {operations.Count(o => o.Writes)} write operations in the OpenAPI document.");
        Assert.True(failures.Count == 0, Report(failures, schedule.Length));
    }

    /// <summary>Two members with an activity, a client, an invoice and a quote each (one's are the other's "someone else's"), an employer structure with a mandate and an employee, and a login per role.</summary>
    private async Task<Dictionary<string, HttpClient>> SeedAsync(IdPool ids)
    {
        var gdc = await new GdcScenario(app).StartAsync();
        var structure = gdc.Activities.Structure;
        ids.Add("entityId", structure.EntityId);
        ids.Add("entityId", structure.OtherEntityId);
        foreach (var office in new[] { structure.LilleOfficeId, structure.ParisOfficeId, structure.OtherEntityOfficeId }) ids.Add("officeId", office);

        var (memberId, member) = await gdc.Activities.MemberAsync();
        var (otherId, other) = await gdc.Activities.MemberAsync(structure.ParisOfficeId);
        foreach (var (id, client) in new[] { (memberId, member), (otherId, other) })
        {
            ids.Add("memberId", id);
            var activity = await OpenActivityAsync(client);
            var customer = await RegisterClientAsync(client);
            ids.Add("activityId", activity);
            ids.Add("activityId", await OpenActivityAsync(client, "Atelier d'écriture"));
            ids.Add("clientId", customer);
            ids.Add("invoiceId", await CreatedIdAsync(await IssueInvoiceAsync(client, activity, customer, issueDate: null)));
            ids.Add("quoteId", await CreatedIdAsync(await client.PostAsJsonAsync("/api/activities/quotes", new
            {
                activityId = activity, clientId = customer, validUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
                lines = new[] { new { description = "Représentation", quantity = 2m, unitPrice = 450.00m } },
            })));
        }

        var (employerId, employer) = await gdc.EmployerAsync();
        ids.Add("memberId", employerId);
        ids.Add("employerId", employerId);
        ids.Add("mandateId", await gdc.SignMandateAsync(employerId));
        ids.Add("employeeId", await GdcScenario.RegisterEmployeeAsync(employer, employerId));

        return new Dictionary<string, HttpClient>
        {
            ["admin"] = await app.ClientAsync(SmartRoles.Admin),
            ["operator"] = gdc.Operator,
            ["advisor"] = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId),
            ["member"] = member,
            ["employer"] = employer,
        };
    }

    /// <summary>
    /// Keeps the id of what a request created, under the name routes give it: the route whose address the Location
    /// header matches (<c>/api/activities/invoices/{invoiceId}</c>), else the singular of the collection posted to.
    /// </summary>
    private static void Harvest(IdPool ids, IReadOnlyList<ApiOperation> operations, ApiOperation created, HttpResponseMessage response, string body)
    {
        Guid id;
        try
        {
            if (!JsonDocument.Parse(body).RootElement.TryGetProperty("id", out var value) || !value.TryGetGuid(out id)) return;
        }
        catch (JsonException)
        {
            return;
        }
        var location = response.Headers.Location?.OriginalString ?? "";
        var name = operations
            .Select(o => o.Path)
            .Where(p => p.EndsWith('}') && location == p[..p.LastIndexOf('{')] + id)
            .Select(p => p[(p.LastIndexOf('{') + 1)..^1])
            .FirstOrDefault();
        if (name is null)
        {
            var collection = created.Path.Split('/')[^1].Split('-');
            var singular = collection[^1].EndsWith("ies", StringComparison.Ordinal) ? collection[^1][..^3] + "y" : collection[^1].TrimEnd('s');
            name = string.Concat(collection[..^1].Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]))
                   + (collection.Length > 1 ? char.ToUpperInvariant(singular[0]) + singular[1..] : singular) + "Id";
        }
        ids.Add(name, id);
    }

    private static string Report(List<Failure> failures, int total)
    {
        var report = new StringBuilder($"{failures.Count} of {total} requests (seed {Seed}) were answered with a 5xx:");
        foreach (var operation in failures.GroupBy(f => f.Operation).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            report.AppendLine().AppendLine().Append($"{operation.Key} — {operation.Count()}:");
            foreach (var failure in operation)
            {
                report.AppendLine()
                    .Append($"  [{failure.Role}] {failure.Request.Method} {RequestFuzzer.Excerpt(failure.Request.Url, 200)} ({failure.Request.Mutation})")
                    .AppendLine()
                    .Append($"    body: {RequestFuzzer.Excerpt(failure.Request.Body, 300)}")
                    .AppendLine()
                    .Append($"    → {failure.Status}: {RequestFuzzer.Excerpt(failure.Response, 500)}");
            }
        }
        return report.ToString();
    }
}
