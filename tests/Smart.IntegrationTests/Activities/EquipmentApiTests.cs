using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Financing;
using Smart.Modules.Activities.Features.Budget;
using Smart.Modules.Activities.Features.Financing;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using StoredEquipment = Smart.Modules.Activities.Domain.Financing.Equipment;
using StoredLedgerEntry = Smart.Modules.Activities.Domain.Budget.LedgerEntry;

namespace Smart.IntegrationTests.Activities;

/// <summary>Equipment through HTTP: purchases from the budget, treasury advances and leases granted by staff, their schedules.</summary>
public sealed class EquipmentApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    internal static object Purchase(decimal price, string description = "Table de mixage 16 pistes", DateOnly? date = null) =>
        new { description, supplier = "Audio Nord", purchaseDate = date ?? Today, priceExclVat = price };

    internal static object Advance(decimal price, decimal advance, int instalments, DateOnly first, DateOnly? date = null) => new
    {
        description = "Caméra 4K et objectifs", supplier = "Vidéo Pro Lille", purchaseDate = date ?? Today, priceExclVat = price, advanceAmount = advance,
        instalments, firstInstalmentDate = first,
    };

    private static object Lease(decimal monthly, int months, DateOnly first) => new
    {
        description = "Photocopieur couleur", supplier = "Bureau Leasing", purchaseDate = Today, priceExclVat = 990.00m, monthlyAmount = monthly, termMonths = months,
        firstDeductionDate = first,
    };

    private Task<HttpClient> AdvisorAsync(ActivitiesScenario scenario, Guid? officeId = null) =>
        app.ClientAsync(SmartRoles.Advisor, entityId: scenario.Structure.EntityId, officeId: officeId ?? scenario.Structure.LilleOfficeId);

    /// <summary>A member of Lille with an activity that invoiced 1,000.00 today: SmartFr takes 10 %, 900.00 is left.</summary>
    private async Task<(ActivitiesScenario Scenario, HttpClient Member, Guid Activity)> ActivityWith900Async()
    {
        var (scenario, _, member, activity) = await MemberActivityWith900Async();
        return (scenario, member, activity);
    }

    private async Task<(ActivitiesScenario Scenario, Guid MemberId, HttpClient Member, Guid Activity)> MemberActivityWith900Async()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (memberId, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        await CreatedIdAsync(await IssueInvoiceAsync(member, activity, await RegisterClientAsync(member), null));
        return (scenario, memberId, member, activity);
    }

    private static async Task<decimal> BalanceAsync(HttpClient client, Guid activity) =>
        (await client.GetApiAsync<BudgetView>($"/api/activities/activities/{activity}/budget"))!.Balance;

    private static async Task<(decimal Balance, decimal Committed, decimal OutstandingInstalments, decimal AvailableForSalaries)> BudgetAsync(HttpClient client, Guid activity)
    {
        var budget = (await client.GetApiAsync<BudgetView>($"/api/activities/activities/{activity}/budget"))!;
        return (budget.Balance, budget.Committed, budget.OutstandingInstalments, budget.AvailableForSalaries);
    }


    private async Task<int> ScheduledInstalmentsAsync() => (await app.ScheduledAsync("activities.book-equipment-instalment.v1")).Count;

    [Fact]
    public async Task Given_900_available_When_the_coordinator_buys_for_600_Then_minus_600_is_booked_on_the_purchase_date_and_the_equipment_is_listed()
    {
        var (_, memberId, member, activity) = await MemberActivityWith900Async();

        var id = await CreatedIdAsync(await member.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/purchases", Purchase(600.00m)));

        Assert.Equal(300.00m, await BalanceAsync(member, activity));
        var equipment = (await member.GetApiAsync<EquipmentView>($"/api/activities/equipment/{id}"))!;
        Assert.Equal((FinancingMode.Purchase, 600.00m, "Audio Nord", Today, 0m), (equipment.Mode, equipment.PriceExclVat, equipment.Supplier, equipment.PurchaseDate, equipment.Outstanding));
        Assert.Equal(memberId, equipment.RecordedBy);
        Assert.Empty(equipment.Schedule);
        var list = (await member.GetApiAsync<PagedResult<EquipmentView>>($"/api/activities/activities/{activity}/equipment"))!;
        Assert.Equal(id, Assert.Single(list.Items).Id);
        var entries = await member.GetStringAsync($"/api/activities/activities/{activity}/budget/entries");
        Assert.Contains("\"kind\":\"Purchase\",\"amount\":-600", entries);
    }

    [Fact]
    public async Task Given_900_available_Then_a_purchase_of_900_01_is_refused_409_and_nothing_is_written()
    {
        var (_, member, activity) = await ActivityWith900Async();
        var before = (await StoredAsync<StoredEquipment>(app), await StoredAsync<StoredLedgerEntry>(app));

        var refused = await (await member.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/purchases", Purchase(900.01m)))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("BudgetCoversThePurchase", refused.GetProperty("rule").GetString());
        Assert.Equal(before, (await StoredAsync<StoredEquipment>(app), await StoredAsync<StoredLedgerEntry>(app)));
        Assert.Equal(900.00m, await BalanceAsync(member, activity));
        await CreatedIdAsync(await member.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/purchases", Purchase(900.00m)));
        Assert.Equal(0.00m, await BalanceAsync(member, activity));
    }

    [Fact]
    public async Task Given_bad_equipment_input_Then_400_with_field_errors_and_nothing_written()
    {
        var (scenario, member, activity) = await ActivityWith900Async();
        var advisor = await AdvisorAsync(scenario);
        var before = (await StoredAsync<StoredEquipment>(app), await StoredAsync<StoredLedgerEntry>(app), await ScheduledInstalmentsAsync());

        await (await member.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/purchases",
                new { description = "", supplier = new string('s', 201), purchaseDate = Today, priceExclVat = -5m }))
            .AssertFieldErrorsAsync("description", "supplier", "priceExclVat");
        await (await member.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/purchases", Purchase(10.001m))).AssertFieldErrorsAsync("priceExclVat");
        await (await advisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/treasury-advances",
                Advance(1000.00m, 1000.01m, 0, Today.AddDays(-1))))
            .AssertFieldErrorsAsync("advanceAmount", "instalments", "firstInstalmentDate");
        await (await advisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/leases", Lease(0m, 0, Today.AddDays(-1))))
            .AssertFieldErrorsAsync("monthlyAmount", "termMonths", "firstDeductionDate");
        await (await advisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/treasury-advances",
                Advance(1000.00m, 1000.00m, 60, new DateOnly(9999, 12, 1))))
            .AssertFieldErrorsAsync("firstInstalmentDate");
        await (await advisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/leases", new { description = "Photocopieur", colour = "red" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await member.GetAsync($"/api/activities/activities/{activity}/equipment?pageSize=0")).AssertFieldErrorsAsync("pageSize");

        Assert.Equal(before, (await StoredAsync<StoredEquipment>(app), await StoredAsync<StoredLedgerEntry>(app), await ScheduledInstalmentsAsync()));
    }

    [Fact]
    public async Task Given_an_advance_of_1000_in_3_granted_by_the_advisor_Then_purchase_and_advance_cancel_out_and_3_repayments_are_scheduled()
    {
        var (scenario, member, activity) = await ActivityWith900Async();
        var advisor = await AdvisorAsync(scenario);
        var first = Today.AddMonths(1);
        var scheduledBefore = await ScheduledInstalmentsAsync();

        var id = await CreatedIdAsync(await advisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/treasury-advances", Advance(1000.00m, 1000.00m, 3, first)));

        Assert.Equal(900.00m, await BalanceAsync(member, activity)); // −1,000.00 purchase, +1,000.00 advance
        var equipment = (await member.GetApiAsync<EquipmentView>($"/api/activities/equipment/{id}"))!;
        Assert.Equal((FinancingMode.TreasuryAdvance, (decimal?)1000.00m, 1000.00m), (equipment.Mode, equipment.AdvanceAmount, equipment.Outstanding));
        Assert.Equal([(1, first, 333.33m, false), (2, first.AddMonths(1), 333.33m, false), (3, first.AddMonths(2), 333.34m, false)],
            equipment.Schedule.Select(i => (i.Number, i.DueDate, i.Amount, i.Booked)));
        Assert.Equal(scheduledBefore + 3, await ScheduledInstalmentsAsync());
        Assert.Equal(first.ToDateTime(TimeOnly.MinValue), (await app.ScheduledAsync("activities.book-equipment-instalment.v1", $"\"equipmentId\":\"{id}\""))[0].UtcDateTime);
        var entries = await member.GetStringAsync($"/api/activities/activities/{activity}/budget/entries");
        Assert.Contains("\"kind\":\"Purchase\",\"amount\":-1000", entries);
        Assert.Contains("\"kind\":\"TreasuryAdvance\",\"amount\":1000", entries);

        // The 1,000.00 still to repay is promised: 900.00 − 1,000.00 leaves nothing for salaries or another purchase.
        Assert.Equal((900.00m, 0m, 1000.00m, -100.00m), await BudgetAsync(member, activity));
        var purchase = await member.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/purchases", Purchase(0.01m));
        Assert.Equal("BudgetCoversThePurchase", (await purchase.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Given_an_advance_of_600_in_3_on_900_When_the_member_repays_it_early_Then_minus_600_is_booked_today_once_and_300_stays_available()
    {
        var (scenario, member, activity) = await ActivityWith900Async();
        var advisor = await AdvisorAsync(scenario);
        var id = await CreatedIdAsync(await advisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/treasury-advances",
            Advance(600.00m, 600.00m, 3, Today.AddMonths(1))));
        var lease = await CreatedIdAsync(await advisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/leases", Lease(10.00m, 2, Today.AddMonths(1))));
        Assert.Equal((900.00m, 0m, 620.00m, 280.00m), await BudgetAsync(member, activity));

        var repaid = await member.PostAsync($"/api/activities/equipment/{id}/early-repayment", null);

        Assert.Equal(HttpStatusCode.OK, repaid.StatusCode);
        Assert.Equal(600.00m, (await repaid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount").GetDecimal());
        Assert.Equal((300.00m, 0m, 20.00m, 280.00m), await BudgetAsync(member, activity));
        var equipment = (await member.GetApiAsync<EquipmentView>($"/api/activities/equipment/{id}"))!;
        Assert.Equal(0m, equipment.Outstanding);
        Assert.All(equipment.Schedule, i => Assert.True(i.Booked));
        Assert.Contains("\"kind\":\"AdvanceEarlyRepayment\",\"amount\":-600", await member.GetStringAsync($"/api/activities/activities/{activity}/budget/entries"));

        // The first instalment's scheduled message, delivered on its date, finds it repaid: nothing more is booked.
        await app.InvokeAsync(new BookEquipmentInstalment(id, 1));
        Assert.Equal(300.00m, await BalanceAsync(member, activity));
        var again = await (await member.PostAsync($"/api/activities/equipment/{id}/early-repayment", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("SomethingIsLeftToRepay", again.GetProperty("rule").GetString());
        var leaseRefused = await (await member.PostAsync($"/api/activities/equipment/{lease}/early-repayment", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("OnlyAnAdvanceIsRepaidEarly", leaseRefused.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Given_a_full_advance_of_1000_on_900_Then_an_early_repayment_is_refused_409_and_the_empty_id_or_someone_elses_404_with_nothing_written()
    {
        var (scenario, member, activity) = await ActivityWith900Async();
        var (_, other) = await scenario.MemberAsync();
        var id = await CreatedIdAsync(await (await AdvisorAsync(scenario)).PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/treasury-advances",
            Advance(1000.00m, 1000.00m, 3, Today.AddMonths(1))));
        var before = await StoredAsync<StoredLedgerEntry>(app);

        var refused = await (await member.PostAsync($"/api/activities/equipment/{id}/early-repayment", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("BudgetCoversTheRepayment", refused.GetProperty("rule").GetString());
        await (await member.PostAsync($"/api/activities/equipment/{Guid.Empty}/early-repayment", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync($"/api/activities/equipment/{id}/early-repayment", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await StoredAsync<StoredLedgerEntry>(app));
        Assert.Equal(1000.00m, (await member.GetApiAsync<EquipmentView>($"/api/activities/equipment/{id}"))!.Outstanding);
    }

    [Fact]
    public async Task Given_a_lease_of_45_over_24_months_arranged_by_an_operator_Then_nothing_is_booked_today_and_24_deductions_add_up_to_1080()
    {
        var (scenario, member, activity) = await ActivityWith900Async();
        var operatorClient = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.EntityId);
        var first = Today.AddDays(7);

        var id = await CreatedIdAsync(await operatorClient.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/leases", Lease(45.00m, 24, first)));

        Assert.Equal(900.00m, await BalanceAsync(member, activity));
        var equipment = (await member.GetApiAsync<EquipmentView>($"/api/activities/equipment/{id}"))!;
        Assert.Equal((FinancingMode.Lease, 24, 1080.00m), (equipment.Mode, equipment.Schedule.Count, equipment.Outstanding));
        Assert.All(equipment.Schedule, i => Assert.Equal(45.00m, i.Amount));
        Assert.Equal((first, first.AddMonths(23)), (equipment.Schedule[0].DueDate, equipment.Schedule[^1].DueDate));

        var refused = await (await member.PostAsJsonAsync($"/api/activities/activities/{activity}/close", new { expectedVersion = 1 })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("NoInstalmentIsOutstanding", refused.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Given_a_member_or_staff_of_another_office_Then_an_advance_or_a_lease_is_403_or_404_and_nothing_is_written()
    {
        var (scenario, member, activity) = await ActivityWith900Async();
        var parisAdvisor = await AdvisorAsync(scenario, scenario.Structure.ParisOfficeId);
        var otherEntityOperator = await app.ClientAsync(SmartRoles.Operator, entityId: scenario.Structure.OtherEntityId);
        var before = (await StoredAsync<StoredEquipment>(app), await ScheduledInstalmentsAsync());

        // A member is not granted credit by themselves: the operation is staff's (403, it reveals no resource).
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/treasury-advances",
            Advance(500.00m, 500.00m, 5, Today.AddMonths(1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/leases",
            Lease(45.00m, 24, Today.AddMonths(1)))).StatusCode);
        // Staff who cannot see the activity do not learn it exists.
        await (await parisAdvisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/treasury-advances", Advance(500.00m, 500.00m, 5, Today.AddMonths(1))))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherEntityOperator.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/leases", Lease(45.00m, 24, Today.AddMonths(1))))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, (await StoredAsync<StoredEquipment>(app), await ScheduledInstalmentsAsync()));
    }

    [Fact]
    public async Task Given_someone_elses_activity_or_equipment_Then_404_and_nothing_written()
    {
        var (scenario, owner, activity) = await ActivityWith900Async();
        var (_, other) = await scenario.MemberAsync();
        var id = await CreatedIdAsync(await owner.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/purchases", Purchase(100.00m)));
        var parisAdvisor = await AdvisorAsync(scenario, scenario.Structure.ParisOfficeId);
        var before = (await StoredAsync<StoredEquipment>(app), await StoredAsync<StoredLedgerEntry>(app));

        await (await other.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/purchases", Purchase(100.00m))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/equipment/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/activities/activities/{activity}/equipment")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await parisAdvisor.GetAsync($"/api/activities/equipment/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await owner.GetAsync($"/api/activities/equipment/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, (await StoredAsync<StoredEquipment>(app), await StoredAsync<StoredLedgerEntry>(app)));
        var lilleAdvisor = await AdvisorAsync(scenario);
        Assert.Equal(100.00m, (await lilleAdvisor.GetApiAsync<EquipmentView>($"/api/activities/equipment/{id}"))!.PriceExclVat);
    }

    [Fact]
    public async Task Given_61_instalments_or_a_61_month_lease_Then_409_from_the_limits_in_force_and_nothing_written()
    {
        var (scenario, _, activity) = await ActivityWith900Async();
        var advisor = await AdvisorAsync(scenario);
        var before = (await StoredAsync<StoredEquipment>(app), await ScheduledInstalmentsAsync());

        var tooLong = await (await advisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/treasury-advances", Advance(6100.00m, 6100.00m, 61, Today.AddMonths(1))))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("MonthsAreWithinTheLimit", tooLong.GetProperty("rule").GetString());
        await (await advisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/leases", Lease(45.00m, 61, Today.AddMonths(1))))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var postDated = await (await advisor.PostAsJsonAsync($"/api/activities/activities/{activity}/equipment/treasury-advances",
            Advance(600.00m, 600.00m, 6, Today.AddMonths(1), date: Today.AddDays(1)))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("PurchaseIsNotPostDated", postDated.GetProperty("rule").GetString());

        Assert.Equal(before, (await StoredAsync<StoredEquipment>(app), await ScheduledInstalmentsAsync()));
    }
}
