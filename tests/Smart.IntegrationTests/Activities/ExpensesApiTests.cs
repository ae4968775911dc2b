using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Expenses;
using Smart.Modules.Activities.Features.Budget;
using Smart.Modules.Activities.Features.Expenses;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using StoredExpense = Smart.Modules.Activities.Domain.Expenses.Expense;
using StoredExpenseReceipt = Smart.Modules.Activities.Domain.Expenses.ExpenseReceipt;

namespace Smart.IntegrationTests.Activities;

public sealed class ExpensesApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private static string Yesterday => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd");

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid activityId, byte[]? content = null, string fileName = "receipt.pdf",
        string contentType = "application/pdf", Dictionary<string, string?>? fields = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["expenseDate"] = Yesterday, ["category"] = "Travel", ["description"] = "Train Lille–Paris", ["amountInclVat"] = "120.00", ["recoverableVat"] = "20.00",
        };
        foreach (var (key, value) in fields ?? []) values[key] = value;
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in values.Where(v => v.Value is not null)) form.Add(new StringContent(value!), key);
        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            form.Add(file, "receipt", fileName);
        }
        return client.PostAsync($"/api/activities/activities/{activityId}/expenses", form);
    }

    private Task<HttpClient> AdvisorAsync(ActivitiesScenario scenario, Guid? officeId = null) =>
        app.ClientAsync(SmartRoles.Advisor, entityId: scenario.Structure.EntityId, officeId: officeId ?? scenario.Structure.LilleOfficeId);

    private async Task<decimal> BalanceAsync(HttpClient client, Guid activity) =>
        (await client.GetApiAsync<BudgetView>($"/api/activities/activities/{activity}/budget"))!.Balance;

    [Fact]
    public async Task Given_a_real_PDF_receipt_Then_201_and_the_receipt_downloads_as_application_pdf_with_the_same_bytes()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (memberId, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);

        var id = await CreatedIdAsync(await SubmitAsync(member, activity, Pdf));

        var expense = (await member.GetApiAsync<ExpenseView>($"/api/activities/expenses/{id}"))!;
        Assert.Equal((ExpenseStatus.Submitted, ExpenseCategory.Travel, 120.00m, 20.00m, 100.00m), (expense.Status, expense.Category, expense.AmountInclVat, expense.RecoverableVat, expense.Cost));
        Assert.Equal(new ReceiptView("receipt.pdf", "application/pdf", Pdf.Length), expense.Receipt);
        var download = await member.GetAsync($"/api/activities/expenses/{id}/receipt");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        var list = (await member.GetApiAsync<PagedResult<ExpenseView>>($"/api/activities/expenses?activityId={activity}&status=Submitted"))!;
        Assert.Equal(id, Assert.Single(list.Items).Id);
        Assert.Equal(memberId, expense.SubmittedBy);
        Assert.Equal(0.00m, await BalanceAsync(member, activity)); // nothing booked before approval
    }

    [Fact]
    public async Task Given_a_receipt_that_claims_to_be_a_PDF_but_is_not_Then_400_on_receipt_and_nothing_stored()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var (expensesBefore, receiptsBefore) = (await StoredAsync<StoredExpense>(app), await StoredAsync<StoredExpenseReceipt>(app));

        var fake = Encoding.UTF8.GetBytes("Train ticket, 120 EUR. Trust me, this is a PDF.");
        await (await SubmitAsync(member, activity, fake, "receipt.pdf", "application/pdf")).AssertFieldErrorsAsync("receipt");
        // A real PNG dressed as a PDF is refused too: the claim must agree with the bytes.
        await (await SubmitAsync(member, activity, Png, "receipt.pdf", "application/pdf")).AssertFieldErrorsAsync("receipt");

        Assert.Equal(expensesBefore, await StoredAsync<StoredExpense>(app));
        Assert.Equal(receiptsBefore, await StoredAsync<StoredExpenseReceipt>(app));
    }

    [Fact]
    public async Task Given_bad_expense_input_Then_400_with_field_errors_and_nothing_stored()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var (expensesBefore, receiptsBefore) = (await StoredAsync<StoredExpense>(app), await StoredAsync<StoredExpenseReceipt>(app));

        await (await SubmitAsync(member, activity, content: null, fields: new() { ["expenseDate"] = "23/11/2026", ["category"] = "Drinks", ["amountInclVat"] = "abc" }))
            .AssertFieldErrorsAsync("expenseDate", "category", "amountInclVat");
        await (await SubmitAsync(member, activity, content: null, fields: new() { ["category"] = "1" })).AssertFieldErrorsAsync("category");
        await (await SubmitAsync(member, activity, content: null, fields: new() { ["recoverableVat"] = null, ["color"] = "blue" }))
            .AssertFieldErrorsAsync("recoverableVat", "color");
        await (await SubmitAsync(member, activity, content: null, fields: new() { ["description"] = new string('x', 501), ["amountInclVat"] = "10.001", ["recoverableVat"] = "-1" }))
            .AssertFieldErrorsAsync("description", "amountInclVat", "recoverableVat", "receipt");
        await (await SubmitAsync(member, activity, Pdf, fields: new() { ["amountInclVat"] = "20.00", ["recoverableVat"] = "20.00" })).AssertFieldErrorsAsync("recoverableVat");
        await (await SubmitAsync(member, activity, Pdf, fields: new() { ["amountInclVat"] = "0" })).AssertFieldErrorsAsync("amountInclVat");
        await (await SubmitAsync(member, activity, [], "receipt.pdf")).AssertFieldErrorsAsync("receipt");
        await (await SubmitAsync(member, activity, Pdf, "receipt.png", "image/png")).AssertFieldErrorsAsync("receipt");
        await (await member.PostAsJsonAsync($"/api/activities/activities/{activity}/expenses", new { category = "Travel" }))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        // A future date is a rule of the domain, like a post-dated invoice: 409.
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");
        var postDated = await (await SubmitAsync(member, activity, Pdf, fields: new() { ["expenseDate"] = future })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("ExpenseIsNotPostDated", postDated.GetProperty("rule").GetString());

        Assert.Equal(expensesBefore, await StoredAsync<StoredExpense>(app));
        Assert.Equal(receiptsBefore, await StoredAsync<StoredExpenseReceipt>(app));
    }

    [Fact]
    public async Task Given_a_submitted_expense_Then_a_member_cannot_approve_it_and_an_advisor_of_the_office_approves_it_once_booking_minus_100()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var id = await CreatedIdAsync(await SubmitAsync(member, activity, Pdf));
        var advisor = await AdvisorAsync(scenario);

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"/api/activities/expenses/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/activities/expenses/{id}/refuse", new { reason = "no" })).StatusCode);
        Assert.Equal(0.00m, await BalanceAsync(member, activity));

        Assert.Equal(HttpStatusCode.NoContent, (await advisor.PostAsync($"/api/activities/expenses/{id}/approve", null)).StatusCode);

        Assert.Equal(-100.00m, await BalanceAsync(member, activity));
        var expense = (await member.GetApiAsync<ExpenseView>($"/api/activities/expenses/{id}"))!;
        Assert.Equal((ExpenseStatus.Approved, (DateOnly?)DateOnly.FromDateTime(DateTime.UtcNow)), (expense.Status, expense.DecidedOn));
        var twice = await (await advisor.PostAsync($"/api/activities/expenses/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("OnlySubmittedExpensesAreDecided", twice.GetProperty("rule").GetString());
        await (await advisor.PostAsJsonAsync($"/api/activities/expenses/{id}/refuse", new { reason = "Too late" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(-100.00m, await BalanceAsync(member, activity));
        Assert.Single(await LedgerEntriesAsync(app, id), e => e.Source == Smart.Modules.Activities.Domain.Budget.BudgetSource.Expense);
    }

    [Fact]
    public async Task Given_a_refusal_with_a_reason_Then_the_expense_is_refused_and_nothing_is_booked()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var id = await CreatedIdAsync(await SubmitAsync(member, activity, Png, "ticket.png", "image/png"));
        var advisor = await AdvisorAsync(scenario);

        await (await advisor.PostAsJsonAsync($"/api/activities/expenses/{id}/refuse", new { reason = "" })).AssertFieldErrorsAsync("reason");
        Assert.Equal(HttpStatusCode.NoContent, (await advisor.PostAsJsonAsync($"/api/activities/expenses/{id}/refuse", new { reason = "Personal expense" })).StatusCode);

        var expense = (await member.GetApiAsync<ExpenseView>($"/api/activities/expenses/{id}"))!;
        Assert.Equal((ExpenseStatus.Refused, "Personal expense"), (expense.Status, expense.RefusalReason));
        Assert.Equal(0.00m, await BalanceAsync(member, activity));
        await (await advisor.PostAsync($"/api/activities/expenses/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0.00m, await BalanceAsync(member, activity));
        var download = await member.GetAsync($"/api/activities/expenses/{id}/receipt");
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Given_someone_elses_activity_or_expense_Then_404_and_nothing_stored_or_booked()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, owner) = await scenario.MemberAsync();
        var (_, other) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(owner);
        var id = await CreatedIdAsync(await SubmitAsync(owner, activity, Pdf));
        var parisAdvisor = await AdvisorAsync(scenario, scenario.Structure.ParisOfficeId);
        var expensesBefore = await StoredAsync<StoredExpense>(app);

        await (await SubmitAsync(other, activity, Pdf)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/expenses/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/expenses/{id}/receipt")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(id.ToString(), await other.GetStringAsync("/api/activities/expenses"));
        await (await parisAdvisor.PostAsync($"/api/activities/expenses/{id}/approve", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await parisAdvisor.PostAsJsonAsync($"/api/activities/expenses/{id}/refuse", new { reason = "Not mine" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await parisAdvisor.GetAsync($"/api/activities/expenses/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(expensesBefore, await StoredAsync<StoredExpense>(app));
        Assert.Equal(ExpenseStatus.Submitted, (await owner.GetApiAsync<ExpenseView>($"/api/activities/expenses/{id}"))!.Status);
        Assert.Equal(0.00m, await BalanceAsync(owner, activity));
    }

    [Fact]
    public async Task Given_the_OpenAPI_document_Then_it_describes_the_expense_submission_as_multipart()
    {
        var document = await app.CreateClient().GetStringAsync("/swagger/v1/swagger.json");

        var submit = System.Text.Json.JsonDocument.Parse(document).RootElement.GetProperty("paths")
            .GetProperty("/api/activities/activities/{activityId}/expenses").GetProperty("post");
        Assert.True(submit.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _), submit.ToString());
    }

}
