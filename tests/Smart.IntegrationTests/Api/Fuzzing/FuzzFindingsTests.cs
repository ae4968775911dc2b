using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Activities;
using Marten;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Activities.Features.Financing;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;

namespace Smart.IntegrationTests.Api.Fuzzing;

/// <summary>What the API fuzz test found answered with a 500, each with a concrete input: now a 4xx that changes nothing.</summary>
public sealed class FuzzFindingsTests(SmartApp app) : IClassFixture<SmartApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Route, table, and what else the body needs to reach the lines' rules (a quick invoice's missing salary is one more error).</summary>
    public static TheoryData<string, string, string> DocumentsWithLines => new()
    {
        { "/api/activities/invoices", "activities.mt_doc_invoice", "" },
        { "/api/activities/quotes", "activities.mt_doc_quote", $",\"validUntil\":\"{Today.AddDays(30):yyyy-MM-dd}\"" },
        { "/api/activities/quick-invoices", "activities.mt_doc_invoice", "" },
    };

    [Theory]
    [MemberData(nameof(DocumentsWithLines))]
    public async Task Given_lines_null_or_with_a_null_line_Then_400_naming_them_and_nothing_stored(string route, string table, string otherFields)
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        var before = await CountAsync(table);
        const string line = """{"description":"Représentation","quantity":1,"unitPrice":1000.00}""";
        string Body(string lines) => $$"""{"activityId":"{{activity}}","clientId":"{{client}}","lines":{{lines}}{{otherFields}}}""";

        await (await PostJsonAsync(member, route, Body("[null]"))).AssertFieldErrorsAsync("lines[0]");
        await (await PostJsonAsync(member, route, Body($"[{line},null]"))).AssertFieldErrorsAsync("lines[1]");
        await (await PostJsonAsync(member, route, Body("null"))).AssertFieldErrorsAsync("lines");

        Assert.Equal(before, await CountAsync(table));
    }

    [Fact]
    public async Task Given_a_contribution_table_or_an_entity_with_a_null_item_Then_400_naming_it_and_nothing_stored()
    {
        await app.SeedStructureAsync();
        var admin = await app.ClientAsync(SmartRoles.Admin);
        var (entities, tables) = (await EntitiesAsync(), await CountAsync("payroll.mt_doc_contributiontable"));

        await (await PostJsonAsync(admin, "/api/governance/entities", """{"code":"Fuzz","name":"Fuzz","kind":"Scic","country":"FR","settings":[null]}"""))
            .AssertFieldErrorsAsync("settings[0]");
        await (await PostJsonAsync(admin, "/api/payroll/contribution-tables", """{"category":"Student","effectiveFrom":"2027-01-01","name":"Fuzz","lines":[null]}"""))
            .AssertFieldErrorsAsync("lines[0]");
        await (await PostJsonAsync(admin, "/api/payroll/contribution-tables", """{"category":"Student","effectiveFrom":"2027-01-01","name":"Fuzz","lines":null}"""))
            .AssertFieldErrorsAsync("lines");

        Assert.Equal((entities, tables), (await EntitiesAsync(), await CountAsync("payroll.mt_doc_contributiontable")));
    }

    [Fact]
    public async Task Given_text_with_a_NUL_character_Then_400_naming_the_field_and_nothing_stored()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var invoice = await CreatedIdAsync(await IssueInvoiceAsync(member, activity, await RegisterClientAsync(member), issueDate: null));
        var creditNotes = await CountAsync("activities.mt_doc_creditnote");

        await (await PostJsonAsync(member, $"/api/activities/invoices/{invoice}/credit-notes", """{"net":250.00,"reason":"One set\u0000 cancelled"}"""))
            .AssertFieldErrorsAsync("reason");
        await (await PostJsonAsync(member, "/api/activities/activities", """{"name":"\u0000","kind":"LivePerformance","serviceTier":1}"""))
            .AssertFieldErrorsAsync("name");

        await (await member.GetAsync("/api/activities/clients?search=Th%C3%A9%00tre")).AssertFieldErrorsAsync("search");
        var expense = new MultipartFormDataContent
        {
            { new StringContent(Today.ToString("yyyy-MM-dd")), "expenseDate" }, { new StringContent("Travel"), "category" },
            { new StringContent("Train\0 Lille – Paris"), "description" }, { new StringContent("120.00"), "amountInclVat" }, { new StringContent("20.00"), "recoverableVat" },
            { new ByteArrayContent("%PDF-1.4\n"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }, "receipt", "billet.pdf" },
        };
        await (await member.PostAsync($"/api/activities/activities/{activity}/expenses", expense)).AssertFieldErrorsAsync("description");

        Assert.Equal(creditNotes, await CountAsync("activities.mt_doc_creditnote"));
        Assert.Equal(0, await CountAsync("activities.mt_doc_expense"));
    }

    /// <summary>
    /// The empty id in a route: Marten refuses it as a stream id with an exception, which closing an activity answered
    /// with a 500. No resource has it, so every route answers 404 before reading the body or asking who calls.
    /// </summary>
    [Fact]
    public async Task Given_the_empty_id_in_any_route_Then_404()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var withIds = ApiOperation.ToFuzz(document)
            .Where(o => o.Parameters.Any(p => p.In == "path") && o.Parameters.Where(p => p.In == "path").All(IsGuid))
            .ToList();
        var admin = await app.ClientAsync(SmartRoles.Admin);
        var answers = new List<string>();
        foreach (var operation in withIds)
        {
            var path = operation.Parameters.Where(p => p.In == "path").Aggregate(operation.Path, (route, p) => route.Replace($"{{{p.Name}}}", Guid.Empty.ToString()));
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
            if (operation.FormBody is not null) request.Content = new MultipartFormDataContent();
            else if (operation.Writes) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            answers.Add($"{operation.Key} {(int)(await admin.SendAsync(request)).StatusCode}");
        }

        Assert.True(withIds.Count > 50, $"Only {withIds.Count} routes with ids found in the OpenAPI document.");
        Assert.All(answers, answer => Assert.EndsWith(" 404", answer, StringComparison.Ordinal));
    }

    private static bool IsGuid(ApiParameter parameter) =>
        parameter.Schema.TryGetProperty("format", out var format) && format.GetString() == "uuid";

    /// <summary>
    /// An instalment booked while an early repayment of the same advance runs: both take the activity's lock before the
    /// equipment's. The booking used to lock the equipment first and the activity only when writing its ledger entry,
    /// the opposite order, and PostgreSQL killed one of them as a deadlock (a 500 on the repayment).
    /// </summary>
    [Fact]
    public async Task Given_the_activity_locked_When_an_instalment_is_booked_Then_it_waits_without_holding_the_equipment()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        await CreatedIdAsync(await IssueInvoiceAsync(member, activity, await RegisterClientAsync(member), issueDate: null));
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: scenario.Structure.EntityId, officeId: scenario.Structure.LilleOfficeId);
        var equipment = await CreatedIdAsync(await advisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/treasury-advances",
            EquipmentApiTests.Advance(600.00m, 600.00m, 3, Today.AddMonths(1))));

        await using var repayment = await LockAsync("activities.mt_streams", activity); // as an early repayment holds the activity's ledger
        var booking = app.InvokeAsync(new BookEquipmentInstalment(equipment, 1));
        await WaitUntilABackendWaitsForALockAsync(booking);

        await using (await LockAsync("activities.mt_doc_equipment", equipment, noWait: true)) // throws 55P03 if the booking holds it
        {
        }
        await repayment.RollbackAsync();
        await booking;

        Assert.Single(await LedgerEntriesAsync(app, equipment), e => e.Kind == Smart.Modules.Activities.Domain.Budget.BudgetEntryKind.AdvanceRepayment);
    }

    private async Task<NpgsqlTransaction> LockAsync(string table, Guid id, bool noWait = false)
    {
        var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"SELECT 1 FROM {table} WHERE id = @id FOR UPDATE{(noWait ? " NOWAIT" : "")}", connection, transaction);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteScalarAsync();
        return transaction;
    }

    /// <summary>Polls PostgreSQL until the handler is blocked on a lock (it cannot finish while the activity is locked).</summary>
    private async Task WaitUntilABackendWaitsForALockAsync(Task handler)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await app.Database.ScalarAsync<int>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 0)
        {
            Assert.False(handler.IsCompleted, "The booking finished while the activity was locked.");
            Assert.True(DateTime.UtcNow < deadline, "The booking never waited for a lock.");
            await Task.Delay(20);
        }
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string route, string json) =>
        client.PostAsync(route, new StringContent(json, Encoding.UTF8, "application/json"));

    private Task<int> CountAsync(string table) => app.Database.ScalarAsync<int>($"SELECT count(*) FROM {table}");

    private Task<int> EntitiesAsync() => app.QueryStoreAsync<IGovernanceStore, int>(session => session.Query<CooperativeEntity>().CountAsync());
}
