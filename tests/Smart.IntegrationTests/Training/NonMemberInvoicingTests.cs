using System.Net;
using System.Net.Http.Json;
using Marten;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.IntegrationTests.Spaces;
using Smart.Modules.Collections;
using Smart.Modules.Collections.Domain.Receivables;
using static Smart.IntegrationTests.Training.TrainingScenario;

namespace Smart.IntegrationTests.Training;

/// <summary>Non-member trainees invoiced by the entity's training activity through Activities (ADR 0087).</summary>
public sealed class NonMemberInvoicingTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private sealed record Line(string Description, decimal Quantity, decimal UnitPrice, decimal VatRate);

    private sealed record Client(Guid Id, string Name, string BillingEmail);

    private sealed record CreditNote(string Number, decimal Net, decimal Gross);

    private sealed record Invoice(Guid Id, string Number, Guid ActivityId, Client Client, List<Line> Lines, decimal TotalNet, decimal TotalVat, decimal TotalGross,
        string? VatMention, decimal CreditedNet, List<CreditNote> CreditNotes);

    private sealed record Summary(Guid Id, string Number);

    private sealed record Listed(List<Summary> Items, int Total);

    [Fact]
    public async Task Given_a_non_member_registered_at_480_exempt_Then_the_training_activity_invoices_480_with_the_mention_and_a_free_cancellation_credits_it()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var sessionId = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay)));
        var trainee = NonMember(1);
        var registered = await RegisteredAsync(await RegisterAsync(scenario.Operator, sessionId, trainee: trainee));
        await app.WaitForBusIdleAsync();

        var registration = Assert.Single((await scenario.GetAsync(scenario.Operator, sessionId)).Registrations);
        Assert.Equal(480.00m, registration.Invoiced);
        var invoices = (await scenario.Admin.GetFromJsonAsync<Listed>($"/api/activities/invoices?activityId={scenario.ProgrammeActivityId}", SpacesScenario.Json))!;
        var invoice = (await scenario.Admin.GetFromJsonAsync<Invoice>($"/api/activities/invoices/{Assert.Single(invoices.Items).Id}", SpacesScenario.Json))!;
        Assert.Equal(registration.InvoiceNumber, invoice.Number);
        Assert.Equal((480.00m, 0m, 480.00m), (invoice.TotalNet, invoice.TotalVat, invoice.TotalGross));
        Assert.NotNull(invoice.VatMention); // the entity's training exemption
        Assert.Equal(("Stagiaire 1", registered.Email.ToLowerInvariant()), (invoice.Client.Name, invoice.Client.BillingEmail));
        Assert.Equal("Formation « Construire le budget de son projet », du 17/03/2026 au 18/03/2026 (14 h)", Assert.Single(invoice.Lines).Description);
        var receivable = await app.QueryStoreAsync<ICollectionsStore, Receivable?>(s => s.Query<Receivable>().SingleOrDefaultAsync(r => r.Number == invoice.Number));
        Assert.NotNull(receivable); // Activities' InvoiceIssued opened it

        var cancelled = (await (await scenario.Operator.PostAsync($"/api/training/sessions/{sessionId}/registrations/{registered.Id}/cancellation", null))
            .Content.ReadFromJsonAsync<Cancellation>())!;
        await app.WaitForBusIdleAsync();

        Assert.True(cancelled.InvoiceCredited);
        var credited = (await scenario.Admin.GetFromJsonAsync<Invoice>($"/api/activities/invoices/{invoice.Id}", SpacesScenario.Json))!;
        Assert.Equal((480.00m, 480.00m), (credited.CreditedNet, Assert.Single(credited.CreditNotes).Gross));
    }

    [Fact]
    public async Task Given_a_non_member_registered_again_elsewhere_Then_the_same_client_gets_a_second_invoice_and_staff_none()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var first = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay)));
        var second = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay.AddDays(7))));
        var email = $"claire-{Guid.NewGuid():N}@example.org";
        object Claire() => new { name = "Claire Dumont", email, audience = "NonMember", address = new { line1 = "1 place Rihour", postalCode = "59000", city = "Lille", country = "FR" } };
        await RegisteredAsync(await RegisterAsync(scenario.Operator, first, trainee: Claire()));
        await RegisteredAsync(await RegisterAsync(scenario.Operator, second, trainee: Claire()));
        await RegisteredAsync(await RegisterAsync(scenario.Operator, first, trainee: new { name = "Sam Staff", email = $"sam-{Guid.NewGuid():N}@example.org", audience = "Staff" }));
        await app.WaitForBusIdleAsync();

        var invoices = (await scenario.Admin.GetFromJsonAsync<Listed>($"/api/activities/invoices?activityId={scenario.ProgrammeActivityId}", SpacesScenario.Json))!;
        Assert.Equal(2, invoices.Total);
        var clients = new HashSet<Guid>();
        foreach (var summary in invoices.Items)
        {
            clients.Add((await scenario.Admin.GetFromJsonAsync<Invoice>($"/api/activities/invoices/{summary.Id}", SpacesScenario.Json))!.Client.Id);
        }
        Assert.Single(clients);
    }

    [Fact]
    public async Task Given_bad_input_Then_400_with_field_errors_404_for_another_entitys_activity_and_nothing_registered_or_set()
    {
        var scenario = await new TrainingScenario(app).StartAsync();
        var sessionId = await scenario.PlanAsync(scenario.Session(TwoDays(FirstDay)));
        var today = DateOnly.FromDateTime(app.Clock!.GetUtcNow().UtcDateTime);

        await (await RegisterAsync(scenario.Operator, sessionId, trainee: new { name = "Sans Adresse", email = "sans@example.org", audience = "NonMember" }))
            .AssertFieldErrorsAsync("trainee.address");
        await (await RegisterAsync(scenario.Operator, sessionId, trainee: new
        {
            name = "Adresse Fausse", email = "fausse@example.org", audience = "NonMember", address = new { line1 = "", postalCode = "", city = "Lille", country = "France" },
        })).AssertFieldErrorsAsync("trainee.address.line1", "trainee.address.postalCode", "trainee.address.country");
        Assert.Empty((await scenario.GetAsync(scenario.Operator, sessionId)).Registrations);

        await (await scenario.Admin.PutAsJsonAsync("/api/training/programme-activity", new { effectiveFrom = "1789-07-14", activityId = Guid.Empty }))
            .AssertFieldErrorsAsync("effectiveFrom", "activityId");
        await (await scenario.Admin.PutAsJsonAsync("/api/training/programme-activity", new { effectiveFrom = today.AddDays(-1), activityId = scenario.ProgrammeActivityId }))
            .AssertFieldErrorsAsync("effectiveFrom");
        await (await scenario.Admin.PutAsJsonAsync("/api/training/programme-activity", new { effectiveFrom = today, activityId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var elsewhere = await app.ClientAsync(SmartRoles.Admin, entityId: scenario.Structure.OtherEntityId);
        await (await elsewhere.PutAsJsonAsync("/api/training/programme-activity", new { effectiveFrom = today, activityId = scenario.ProgrammeActivityId }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.Operator.PutAsJsonAsync("/api/training/programme-activity", new { effectiveFrom = today, activityId = scenario.ProgrammeActivityId })).StatusCode);

        var versions = (await scenario.Operator.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/training/programme-activity"))!;
        Assert.Equal(scenario.ProgrammeActivityId, versions[^1].GetProperty("activityId").GetGuid());
        Assert.Empty((await elsewhere.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/training/programme-activity"))!);
    }
}
