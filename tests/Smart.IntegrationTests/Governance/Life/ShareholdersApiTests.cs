using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance.Domain.Shareholding;
using static Smart.IntegrationTests.Governance.Life.CooperativeLifeScenario;
using Smart.Modules.Governance.Contracts;

namespace Smart.IntegrationTests.Governance.Life;

/// <summary>The register over HTTP: admission, subscriptions, instalments, exit and refund, the state on a past date, certificates.</summary>
public sealed class ShareholdersApiTests(CooperativeLifeApp app) : IClassFixture<CooperativeLifeApp>
{
    [Fact]
    public async Task Given_a_client_subscribing_4_shares_of_20_in_4_instalments_Then_payments_below_20_or_above_the_unpaid_are_409_and_the_past_reads_as_it_was()
    {
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        var id = await Activities.ActivitiesScenario.CreatedIdAsync(await scenario.Admin.PostAsJsonAsync("/api/governance/shareholders", new
        {
            entityId = scenario.EntityId, name = "Théâtre du Nord", email = "Direction@Theatre-du-Nord.example", category = "Client", shares = 4,
            admittedOn = "2026-01-10", boardDecision = "CA du 2026-01-10, décision 3",
        }));
        var path = $"/api/governance/shareholders/{id}";
        var admitted = await scenario.Admin.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal(("Théâtre du Nord", "direction@theatre-du-nord.example", 4, 80.00m, 0m),
            (admitted.GetProperty("name").GetString(), admitted.GetProperty("email").GetString(), admitted.GetProperty("shares").GetInt32(),
                admitted.GetProperty("subscribed").GetDecimal(), admitted.GetProperty("paid").GetDecimal()));

        var operatorClient = await scenario.StaffAsync();
        await (await operatorClient.PostAsJsonAsync($"{path}/payments", new { amount = 10.00m, paidOn = "2026-01-20" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await OkAsync(await operatorClient.PostAsJsonAsync($"{path}/payments", new { amount = 20.00m, paidOn = "2026-01-20", reference = "VIR 1" }));
        await (await operatorClient.PostAsJsonAsync($"{path}/payments", new { amount = 60.01m, paidOn = "2026-02-20" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var paid = await OkAsync(await operatorClient.PostAsJsonAsync($"{path}/payments", new { amount = 60.00m, paidOn = "2026-02-20" }));
        Assert.Equal((80.00m, 0m), (paid.GetProperty("paid").GetDecimal(), paid.GetProperty("unpaid").GetDecimal()));
        await OkAsync(await scenario.Admin.PostAsJsonAsync($"{path}/subscriptions", new { shares = 2, subscribedOn = "2026-02-25" }));
        // Dated before the register's last movement: refused.
        await (await operatorClient.PostAsJsonAsync($"{path}/payments", new { amount = 40.00m, paidOn = "2026-02-21" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var then = await scenario.Admin.GetFromJsonAsync<JsonElement>($"{path}?on=2026-01-31");
        Assert.Equal((4, 80.00m, 20.00m, 60.00m), (then.GetProperty("shares").GetInt32(), then.GetProperty("subscribed").GetDecimal(),
            then.GetProperty("paid").GetDecimal(), then.GetProperty("unpaid").GetDecimal()));
        var now = await scenario.Admin.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal((6, 120.00m, 80.00m), (now.GetProperty("shares").GetInt32(), now.GetProperty("subscribed").GetDecimal(), now.GetProperty("paid").GetDecimal()));
        await (await scenario.Admin.GetAsync($"{path}?on=2026-01-09")).AssertProblemAsync(HttpStatusCode.NotFound);

        var register = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/governance/entities/{scenario.EntityId}/register?on=2026-01-31");
        var line = register.GetProperty("categories").EnumerateArray().Single();
        Assert.Equal(("Client", "PartnersAndClients", 1, 4, 20.00m), (line.GetProperty("category").GetString(), line.GetProperty("college").GetString(),
            line.GetProperty("shareholders").GetInt32(), line.GetProperty("shares").GetInt32(), line.GetProperty("paid").GetDecimal()));

        var certificate = await scenario.Admin.GetAsync($"{path}/certificate?on=2026-01-31");
        Assert.Equal("text/html", certificate.Content.Headers.ContentType?.MediaType);
        var html = await certificate.Content.ReadAsStringAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode("Théâtre du Nord"), html);
        Assert.Contains("au 31/01/2026", html);
        Assert.Contains("<td class=\"n\">80,00 €</td><td class=\"n\">20,00 €</td>", html);
        var pdf = await scenario.Admin.GetAsync($"{path}/certificate/pdf?on=2026-01-31");
        Assert.Contains("détient au 31/01/2026", await PdfText.ReadAsync(pdf));
    }

    [Fact]
    public async Task Given_a_shareholder_who_left_Then_a_refund_waits_for_the_accounts_and_above_the_paid_capital_is_409()
    {
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        var (leaving, _, _) = await scenario.MemberShareholderAsync("2025-12-01");
        var path = $"/api/governance/shareholders/{leaving}";
        var operatorClient = await scenario.StaffAsync();
        await OkAsync(await operatorClient.PostAsJsonAsync($"{path}/payments", new { amount = 20.00m, paidOn = "2025-12-01" }));
        var (assemblyId, ordinary, _) = await scenario.PlanAsync();

        // Not gone yet: no refund.
        await (await operatorClient.PostAsJsonAsync($"{path}/refunds", new { amount = 20.00m, refundedOn = "2026-03-02", assemblyId })).AssertProblemAsync(HttpStatusCode.Conflict);
        var exited = await OkAsync(await scenario.Admin.PostAsJsonAsync($"{path}/exit", new { exitedOn = "2026-03-02", reason = "Fin d'activité" }));
        Assert.False(exited.GetProperty("votingRight").GetBoolean());
        // The assembly approving the accounts has not been held.
        await (await operatorClient.PostAsJsonAsync($"{path}/refunds", new { amount = 20.00m, refundedOn = "2026-03-02", assemblyId })).AssertProblemAsync(HttpStatusCode.Conflict);

        var voter = (await scenario.SeedShareholdersAsync(ShareholderCategory.ActivityCoordinator, 1))[0];
        await scenario.ConveneAsync(assemblyId);
        await RecordInPersonAsync(await scenario.StaffAsync(), assemblyId, ordinary, [(voter, "Yes")]);
        app.Clock!.Advance(TimeSpan.FromDays(43)); // 2026-04-14, the day after the second convocation
        try
        {
            await RefundAfterTheAssemblyAsync(scenario, path, assemblyId);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-43));
        }
    }

    private async Task RefundAfterTheAssemblyAsync(CooperativeLifeScenario scenario, string path, Guid assemblyId)
    {
        // Logged in again: the tokens of 43 days ago have expired.
        var admin = await app.ClientAsync(Smart.BuildingBlocks.Security.SmartRoles.Admin, entityId: scenario.EntityId);
        var operatorClient = await scenario.StaffAsync();
        await OkAsync(await admin.PostAsJsonAsync($"/api/governance/assemblies/{assemblyId}/close", new { heldOn = "Second" }));

        var tooMuch = await operatorClient.PostAsJsonAsync($"{path}/refunds", new { amount = 20.01m, refundedOn = "2026-04-14", assemblyId });
        Assert.Contains("Only 20.00 € of paid capital", (await tooMuch.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(0m, (await admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("refunded").GetDecimal());
        var refunded = await OkAsync(await operatorClient.PostAsJsonAsync($"{path}/refunds", new { amount = 20.00m, refundedOn = "2026-04-14", assemblyId }));
        Assert.Equal(20.00m, refunded.GetProperty("refunded").GetDecimal());
        await (await operatorClient.PostAsJsonAsync($"{path}/refunds", new { amount = 0.01m, refundedOn = "2026-04-14", assemblyId })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await operatorClient.PostAsJsonAsync($"{path}/refunds", new { amount = 1m, refundedOn = "2026-04-14", assemblyId = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_bad_or_foreign_requests_Then_400_with_field_errors_404_for_what_the_caller_may_not_see_and_nothing_recorded()
    {
        var scenario = await new CooperativeLifeScenario(app).StartAsync();
        var other = await new CooperativeLifeScenario(app).StartAsync();
        var (mine, memberId, member) = await scenario.MemberShareholderAsync();
        var (theirs, _, _) = await scenario.MemberShareholderAsync();
        var foreign = (await other.SeedShareholdersAsync(ShareholderCategory.Client, 1))[0];

        await (await scenario.Admin.PostAsJsonAsync("/api/governance/shareholders", new { entityId = scenario.EntityId, category = "Client", shares = 0, admittedOn = "0001-01-01" }))
            .AssertFieldErrorsAsync("name", "email", "shares", "admittedOn", "boardDecision");
        await (await scenario.Admin.PostAsJsonAsync("/api/governance/shareholders", new { entityId = scenario.EntityId, category = "Nobody" })).AssertFieldErrorsAsync("category");
        await (await scenario.Admin.PostAsJsonAsync("/api/governance/shareholders", new
        {
            entityId = other.EntityId, name = "X", email = "x@example.org", category = "Client", shares = 4, admittedOn = "2026-01-10", boardDecision = "CA",
        })).AssertProblemAsync(HttpStatusCode.NotFound);
        // Below the category's minimum (4 for a client), a member twice: 409.
        await (await scenario.Admin.PostAsJsonAsync("/api/governance/shareholders", new
        {
            entityId = scenario.EntityId, name = "Y", email = "y@example.org", category = "Client", shares = 3, admittedOn = "2026-01-10", boardDecision = "CA",
        })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await scenario.Admin.PostAsJsonAsync("/api/governance/shareholders", new
        {
            entityId = scenario.EntityId, memberId, category = "ActivityCoordinator", shares = 1, admittedOn = "2026-01-10", boardDecision = "CA",
        })).AssertProblemAsync(HttpStatusCode.Conflict);

        var operatorClient = await scenario.StaffAsync();
        await (await operatorClient.PostAsJsonAsync($"/api/governance/shareholders/{mine}/payments", new { amount = -1m, paidOn = "2026-01-20" })).AssertFieldErrorsAsync("amount");
        await (await operatorClient.PostAsJsonAsync($"/api/governance/shareholders/{mine}/payments", new { amount = 1.001m, paidOn = "3000-01-01" })).AssertFieldErrorsAsync("amount", "paidOn");
        await (await operatorClient.PostAsJsonAsync($"/api/governance/shareholders/{foreign}/payments", new { amount = 20m, paidOn = "2026-01-20" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Admin.PostAsJsonAsync($"/api/governance/shareholders/{mine}/subscriptions", new { shares = 0, subscribedOn = "2026-01-20" })).AssertFieldErrorsAsync("shares");
        await (await scenario.Admin.PostAsJsonAsync($"/api/governance/shareholders/{mine}/exit", new { exitedOn = "2026-01-20", reason = "" })).AssertFieldErrorsAsync("reason");
        await (await operatorClient.PostAsJsonAsync($"/api/governance/shareholders/{mine}/refunds", new { amount = 1m, refundedOn = "2026-01-20" })).AssertFieldErrorsAsync("assemblyId");
        await (await operatorClient.PostAsync($"/api/governance/shareholders/{mine}/payments", JsonContent.Create(new { amount = "many" }))).AssertFieldErrorsAsync("amount");
        // A member reads their own shareholding and certificate, never someone else's.
        Assert.Equal(mine, (await member.GetFromJsonAsync<JsonElement>("/api/governance/shareholders/me")).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/governance/shareholders/{mine}/certificate")).StatusCode);
        await (await member.GetAsync($"/api/governance/shareholders/{theirs}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.GetAsync($"/api/governance/shareholders/{theirs}/certificate")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.GetAsync($"/api/governance/shareholders/{mine}?on=nope")).AssertFieldErrorsAsync("on");
        await (await member.GetAsync($"/api/governance/entities/{scenario.EntityId}/register")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Admin.GetAsync($"/api/governance/entities/{other.EntityId}/register")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Admin.GetAsync($"/api/governance/shareholders/{foreign}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await scenario.Admin.GetFromJsonAsync<JsonElement>("/api/governance/shareholders?category=ActivityCoordinator&pageSize=10");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        await (await scenario.Admin.GetAsync("/api/governance/shareholders?pageSize=0")).AssertFieldErrorsAsync("pageSize");
        var unchanged = await scenario.Admin.GetFromJsonAsync<JsonElement>($"/api/governance/shareholders/{mine}");
        Assert.Equal((1, 0m, JsonValueKind.Null), (unchanged.GetProperty("shares").GetInt32(), unchanged.GetProperty("paid").GetDecimal(), unchanged.GetProperty("exitedOn").ValueKind));
    }
}
