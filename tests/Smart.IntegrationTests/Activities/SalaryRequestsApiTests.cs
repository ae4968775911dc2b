using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Collections.Contracts;
using Smart.Modules.Payroll.Contracts;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using Marten;
using Smart.Modules.Activities;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.Features.Budget;
using Smart.Modules.Activities.Features.QuickMode;
using Smart.Modules.Activities.Features.Salaries;
using StoredInvoice = Smart.Modules.Activities.Domain.Invoicing.Invoice;
using StoredSalaryRequest = Smart.Modules.Activities.Domain.Salaries.SalaryRequest;

namespace Smart.IntegrationTests.Activities;

/// <summary>
/// Salary requests through HTTP, Activities' side. Payroll is kept from answering (its copy of the member is removed, so
/// its handler fails and the request stays pending) and its answers, like Collections' and Spaces' messages, are written
/// into the sender's outbox with the stable name and Activities' handler id, exactly as their PublishAsync would; the real
/// dispatcher delivers them. The flow with Payroll answering is tested in <c>Payroll/SalaryFlowTests</c>.
/// </summary>
public sealed class SalaryRequestsApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    private static readonly DateOnly InvoiceDate = new(2026, 3, 2);
    private static readonly DateOnly WorkDay = new(2026, 3, 10);

    private static object Salary(decimal employmentBudget) => new
    {
        employmentBudget, contractKind = "Cddu", category = "Artistic", workStart = WorkDay, workEnd = WorkDay, days = 1m, job = "Musician",
    };

    /// <summary>A member with an activity that invoiced 1,000.00 excl. VAT on 2026-03-02: SmartFr takes 10 %, 900.00 is left.</summary>
    private async Task<(Guid MemberId, HttpClient Member, Guid ActivityId, Guid InvoiceId)> ActivityWith900Async()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (memberId, member) = await scenario.MemberAsync();
        await HoldPayrollAsync(memberId);
        var activity = await OpenActivityAsync(member);
        var invoice = await CreatedIdAsync(await IssueInvoiceAsync(member, activity, await RegisterClientAsync(member), InvoiceDate));
        return (memberId, member, activity, invoice);
    }

    [Fact]
    public async Task Given_900_on_the_activity_When_800_is_requested_Then_800_is_committed_100_available_and_the_payslip_books_the_cost_once()
    {
        var (memberId, member, activity, _) = await ActivityWith900Async();

        var id = await CreatedIdAsync(await member.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests", Salary(800.00m)));

        Assert.Equal((900.00m, 800.00m, 100.00m), await BudgetAsync(member, activity));
        var request = await member.GetApiAsync<SalaryRequestView>($"/api/activities/salary-requests/{id}");
        Assert.Equal((SalaryRequestStatus.Pending, false, memberId, 800.00m), (request!.Status, request.GuaranteeFundAdvance, request.MemberId, request.EmploymentBudget));
        Assert.Equal((SalaryContractKind.Cddu, SalaryCategory.Artistic, WorkDay, WorkDay, 1m, (decimal?)null, "Musician"),
            (request.ContractKind, request.Category, request.WorkStart, request.WorkEnd, request.Days!.Value, request.Hours, request.Job));
        Assert.Contains(id.ToString(), await member.GetStringAsync($"/api/activities/activities/{activity}/salary-requests"));

        var payslip = new PayslipIssued(Guid.NewGuid(), id, activity, memberId, new DateOnly(2026, 3, 17), 592.59m, 800.00m);
        // Without its contract's figures, and with no contract declared (Payroll is held), Reporting waits for one in vain:
        // the test is Activities', done once it handled the payslip.
        ExpectedDeadLetters.Expect<PayslipIssued>($"No ContractRecorded is recorded in stream {id} ");
        await app.PublishAsync(payslip, until: new Succeeded<PayslipIssued>(p => p.PayslipId == payslip.PayslipId, at: "activities.inbound"));
        await app.PublishAsync(payslip, until: new Succeeded<PayslipIssued>(p => p.PayslipId == payslip.PayslipId, at: "activities.inbound")); // a second copy under a new message id

        Assert.Equal((100.00m, 0m, 100.00m), await BudgetAsync(member, activity));
        var booked = await member.GetApiAsync<SalaryRequestView>($"/api/activities/salary-requests/{id}");
        Assert.Equal((SalaryRequestStatus.Booked, payslip.PayslipId), (booked!.Status, booked.PayslipId));
        var entries = await member.GetStringAsync($"/api/activities/activities/{activity}/budget/entries?from=2026-03-17&to=2026-03-17");
        Assert.Contains("\"kind\":\"SalaryCost\"", entries);
        Assert.Contains("\"amount\":-800", entries);
        Assert.Single(await LedgerEntriesAsync(app, payslip.PayslipId));
    }

    [Fact]
    public async Task Given_800_pending_on_900_Then_200_is_advanced_by_SmartFrs_guarantee_fund_1000_01_is_refused_and_a_rejection_frees_the_800()
    {
        var (_, member, activity, _) = await ActivityWith900Async();
        var first = await CreatedIdAsync(await member.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests", Salary(800.00m)));

        // Shortfall 100.00, covered by the 900.00 the unpaid invoice leaves after contribution.
        var advanced = await CreatedIdAsync(await member.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests", Salary(200.00m)));
        // Shortfall 900.01 now (available -100.00): more than the unpaid 900.00.
        var refused = await member.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests", Salary(800.01m));

        Assert.True((await member.GetApiAsync<SalaryRequestView>($"/api/activities/salary-requests/{advanced}"))!.GuaranteeFundAdvance);
        Assert.Equal("SalaryBudgetIsAvailable", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal((900.00m, 1000.00m, -100.00m), await BudgetAsync(member, activity));

        await app.PublishAsync(new SalaryRequestRejected(first, activity, "The work date is before the declaration"));

        var rejected = await member.GetApiAsync<SalaryRequestView>($"/api/activities/salary-requests/{first}");
        Assert.Equal((SalaryRequestStatus.Rejected, "The work date is before the declaration"), (rejected!.Status, rejected.RejectionReason));
        Assert.Equal((900.00m, 200.00m, 700.00m), await BudgetAsync(member, activity));
    }

    [Fact]
    public async Task Given_a_fully_paid_invoice_Then_it_no_longer_backs_an_advance_and_the_ledger_is_unchanged()
    {
        var (_, member, activity, invoice) = await ActivityWith900Async();

        await app.PublishAsync(new InvoicePaid(invoice, activity, 1200.00m, new DateOnly(2026, 4, 1)));
        var refused = await member.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests", Salary(900.01m));

        Assert.Equal("SalaryBudgetIsAvailable", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal((900.00m, 0m, 900.00m), await BudgetAsync(member, activity));
        Assert.Equal(1200.00m, (await StoredInvoiceAsync(invoice)).PaidAmount);

        await app.PublishAsync(new InvoiceWrittenOff(invoice, activity, 0.01m, new DateOnly(2026, 9, 1)));
        Assert.True((await StoredInvoiceAsync(invoice)).WrittenOff);
        Assert.Equal((900.00m, 0m, 900.00m), await BudgetAsync(member, activity));
    }

    [Fact]
    public async Task Given_a_space_charge_of_35_Then_it_is_booked_once_and_a_charge_for_an_unknown_activity_dead_letters()
    {
        var (_, member, activity, _) = await ActivityWith900Async();
        var charge = new ChargeActivity(Guid.NewGuid(), activity, ActivityChargeKind.SpaceCharge, 35.00m, new DateOnly(2026, 3, 5), "Salle de répétition, Bazaar St-So, 5 mars", "Spaces");
        var stray = new ChargeActivity(Guid.NewGuid(), Guid.NewGuid(), ActivityChargeKind.TrainingCharge, 120.00m, new DateOnly(2026, 3, 5), "Formation", "Training");

        await app.PublishAsync(charge);
        await app.PublishAsync(charge);
        var strayDelivery = await app.PublishAsync(stray, until: new DeadLettered<ChargeActivity>(c => c.ChargeId == stray.ChargeId));

        Assert.Equal((865.00m, 0m, 865.00m), await BudgetAsync(member, activity));
        var entries = await member.GetStringAsync($"/api/activities/activities/{activity}/budget/entries?from=2026-03-05&to=2026-03-05");
        Assert.Contains("\"kind\":\"SpaceCharge\"", entries);
        Assert.Contains("\"amount\":-35", entries);
        Assert.Contains(strayDelivery.DeadLetterReasons(), reason => reason.Contains("Activity"));
    }

    [Fact]
    public async Task Given_training_charges_of_120_and_780_Then_the_balance_falls_to_0_and_once_closed_only_a_paid_salary_cost_is_still_booked()
    {
        var (_, member, activity, _) = await ActivityWith900Async();

        await app.PublishAsync(new ChargeActivity(Guid.NewGuid(), activity, ActivityChargeKind.TrainingCharge, 120.00m,
            new DateOnly(2026, 3, 5), "Formation « Gérer son budget », 5 mars", "Training"));
        Assert.Equal((780.00m, 0m, 780.00m), await BudgetAsync(member, activity));
        await app.PublishAsync(new ChargeActivity(Guid.NewGuid(), activity, ActivityChargeKind.TrainingCharge, 780.00m,
            new DateOnly(2026, 3, 6), "Cycle « Promouvoir son projet »", "Training"));
        Assert.Equal(HttpStatusCode.NoContent, (await member.PostAsJsonAsync($"/api/activities/activities/{activity}/close", new { expectedVersion = 1 })).StatusCode);

        // A CDI month Payroll has paid already is a cost whatever the activity's status; a space booking is not.
        await app.PublishAsync(new ChargeActivity(Guid.NewGuid(), activity, ActivityChargeKind.SalaryCost, 2_700.00m,
            new DateOnly(2026, 3, 31), "Salaire lissé (CDI), mars 2026", "Payroll"));
        var spaceCharge = new ChargeActivity(Guid.NewGuid(), activity, ActivityChargeKind.SpaceCharge, 10.00m, new DateOnly(2026, 4, 1), "Bureau, 1er avril", "Spaces");
        var space = await app.PublishAsync(spaceCharge, until: new DeadLettered<ChargeActivity>(c => c.ChargeId == spaceCharge.ChargeId));

        Assert.Equal(-2_700.00m, (await BudgetAsync(member, activity)).Item1);
        Assert.Contains(space.DeadLetterReasons(), reason => reason.Contains("closed"));
    }

    [Fact]
    public async Task Given_a_salary_pending_at_Payroll_Then_the_activity_cannot_close()
    {
        var (_, member, activity, _) = await ActivityWith900Async();
        await CreatedIdAsync(await member.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests", Salary(800.00m)));

        var refused = await member.PostAsJsonAsync($"/api/activities/activities/{activity}/close", new { expectedVersion = 1 });

        Assert.Equal("NoSalaryIsPending", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Given_bad_salary_input_Then_400_with_field_errors_and_nothing_written()
    {
        var (_, member, activity, _) = await ActivityWith900Async();
        var before = await StoredAsync<StoredSalaryRequest>(app);

        await (await member.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests", new
        {
            employmentBudget = 0m, contractKind = "Cddu", category = "Artistic", workStart = WorkDay, workEnd = WorkDay.AddDays(-1), days = 1m, hours = 8m, job = "",
        })).AssertFieldErrorsAsync("employmentBudget", "workEnd", "hours", "job");
        await (await member.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests", new
        {
            employmentBudget = 100.001m, contractKind = "Cddu", category = "Artistic", workStart = WorkDay, workEnd = WorkDay, job = "Musician",
        })).AssertFieldErrorsAsync("employmentBudget", "days");
        await (await member.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests", new
        {
            employmentBudget = 100m, contractKind = "Freelance", category = "Artistic", workStart = WorkDay, workEnd = WorkDay, days = 1m, job = "Musician",
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await member.PostAsJsonAsync("/api/activities/quick-invoices", new { activityId = activity, lines = Array.Empty<object>(), salary = new { employmentBudget = -1m } }))
            .AssertFieldErrorsAsync("clientId", "lines", "salary.employmentBudget", "salary.job");

        Assert.Equal(before, await StoredAsync<StoredSalaryRequest>(app));
        Assert.Equal((900.00m, 0m, 900.00m), await BudgetAsync(member, activity));
    }

    [Fact]
    public async Task Given_someone_elses_activity_or_request_Then_404_and_nothing_written()
    {
        var (_, owner, activity, _) = await ActivityWith900Async();
        var (_, other) = await (await new ActivitiesScenario(app).StartAsync()).MemberAsync();
        var id = await CreatedIdAsync(await owner.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests", Salary(100.00m)));
        var before = await StoredAsync<StoredSalaryRequest>(app);

        await (await other.PostAsJsonAsync($"/api/activities/activities/{activity}/salary-requests", Salary(100.00m))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/salary-requests/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/activities/{activity}/salary-requests")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await StoredAsync<StoredSalaryRequest>(app));
    }

    [Fact]
    public async Task Given_quick_mode_Then_one_call_issues_the_invoice_and_requests_the_salary_and_a_refused_salary_leaves_no_invoice()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (memberId, member) = await scenario.MemberAsync();
        await HoldPayrollAsync(memberId);
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);

        // SmartFr: 950 on the 900 the invoice leaves; the guarantee fund advances the 50 on the unpaid invoice.
        var response = await member.PostAsJsonAsync("/api/activities/quick-invoices", QuickInvoice(activity, client, 950.00m));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = (await response.Content.ReadApiAsync<QuickInvoiceIssued>())!;
        Assert.Equal($"/api/activities/invoices/{issued.InvoiceId}", response.Headers.Location!.OriginalString);
        Assert.Contains("\"totalNet\":1000", await member.GetStringAsync($"/api/activities/invoices/{issued.InvoiceId}"));
        var request = await member.GetApiAsync<SalaryRequestView>($"/api/activities/salary-requests/{issued.SalaryRequestId}");
        Assert.Equal((SalaryRequestStatus.Pending, true), (request!.Status, request.GuaranteeFundAdvance));
        Assert.Equal((900.00m, 950.00m, -50.00m), await BudgetAsync(member, activity));

        // GrandsEnsemble does not allow guarantee-fund advances: 950 on 900 is refused and the invoice goes with it.
        var platformAdmin = await app.ClientAsync(SmartRoles.Admin);
        var geMemberId = await CreatedIdAsync(await platformAdmin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "Person", firstName = "Camille", lastName = "Chanteuse", email = $"ge-{Guid.NewGuid():N}@example.org", officeId = scenario.Structure.OtherEntityOfficeId,
        }));
        await app.WaitForBusIdleAsync();
        var geMember = await app.ClientAsync(SmartRoles.Member, geMemberId, scenario.Structure.OtherEntityId, scenario.Structure.OtherEntityOfficeId);
        var geActivity = await OpenActivityAsync(geMember);
        var geClient = await RegisterClientAsync(geMember);
        var invoicesBefore = await StoredAsync<StoredInvoice>(app);

        var refused = await geMember.PostAsJsonAsync("/api/activities/quick-invoices", QuickInvoice(geActivity, geClient, 950.00m));

        Assert.Equal("SalaryBudgetIsAvailable", (await refused.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(invoicesBefore, await StoredAsync<StoredInvoice>(app));
        Assert.Equal(0m, (await geMember.GetApiAsync<BudgetView>($"/api/activities/activities/{geActivity}/budget"))!.Balance);
        Assert.Contains("\"total\":0", await geMember.GetStringAsync($"/api/activities/activities/{geActivity}/salary-requests"));
        // The number was given back: the next invoice of GrandsEnsemble is its first.
        var next = await CreatedIdAsync(await IssueInvoiceAsync(geMember, geActivity, geClient, InvoiceDate));
        Assert.EndsWith("-000001", (await StoredInvoiceAsync(next)).Number);
    }

    private static object QuickInvoice(Guid activityId, Guid clientId, decimal employmentBudget) => new
    {
        activityId, clientId, issueDate = InvoiceDate,
        lines = new[] { new { description = "Concert, 10 mars 2026", quantity = 1m, unitPrice = 1000.00m } },
        salary = Salary(employmentBudget),
    };

    private static async Task<(decimal Balance, decimal Committed, decimal Available)> BudgetAsync(HttpClient client, Guid activityId)
    {
        var budget = (await client.GetApiAsync<BudgetView>($"/api/activities/activities/{activityId}/budget"))!;
        return (budget.Balance, budget.Committed, budget.AvailableForSalaries);
    }

    /// <summary>Payroll forgets the member: its handler of the member's salary requests fails and dead-letters, so they stay pending.</summary>
    private Task<int> HoldPayrollAsync(Guid memberId)
    {
        ExpectedDeadLetters.Expect<SalaryRequested>($"Employee '{memberId}' was not found");
        return app.Database.ScalarAsync<int>("WITH gone AS (DELETE FROM payroll.mt_doc_employee WHERE id = @p0 RETURNING 1) SELECT count(*)::int FROM gone", memberId);
    }


    /// <summary>What Collections reported on an invoice (paid, written off) is kept on the invoice document, not shown by the API.</summary>
    private Task<StoredInvoice> StoredInvoiceAsync(Guid invoice) =>
        app.QueryStoreAsync<IActivitiesStore, StoredInvoice>(async session => (await session.LoadAsync<StoredInvoice>(invoice))!);
}
