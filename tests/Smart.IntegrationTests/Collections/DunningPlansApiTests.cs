using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Collections;

public sealed class DunningPlansApiTests(CollectionsApp app) : IClassFixture<CollectionsApp>
{
    private sealed record Step(int DaysAfterDue, string Channel, string Template);

    private sealed record Plan(IReadOnlyList<Step> Steps, decimal LateInterestRate, decimal RecoveryIndemnity, bool IsDefault);

    private static object IndividualsPlan(Guid entityId, string effectiveFrom = "2026-03-01") => new
    {
        entityId, typology = "Individual", effectiveFrom, lateInterestRate = 0m, recoveryIndemnity = 0m,
        steps = new[] { new { daysAfterDue = 10, channel = "Email", template = "FriendlyReminder" }, new { daysAfterDue = 30, channel = "Letter", template = "FormalNotice" } },
    };

    [Fact]
    public async Task Given_a_plan_for_individuals_from_03_01_Then_an_individual_s_invoice_follows_it_and_a_company_s_the_default()
    {
        var scenario = await new CollectionsScenario(app).StartAsync("Individual");
        var admin = scenario.Activities.Admin;
        var entityId = scenario.Activities.Structure.EntityId;

        var set = await admin.PostAsJsonAsync("/api/collections/dunning-plans", IndividualsPlan(entityId));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var staff = await scenario.OperatorAsync();
        var individuals = (await staff.GetFromJsonAsync<Plan>("/api/collections/dunning-plans?typology=Individual&on=2026-03-01"))!;
        Assert.Equal((false, 2, 10), (individuals.IsDefault, individuals.Steps.Count, individuals.Steps[0].DaysAfterDue));
        var companies = (await staff.GetFromJsonAsync<Plan>($"/api/collections/dunning-plans?entityId={entityId}&typology=Company"))!;
        Assert.Equal((true, 40.00m, 0.1215m), (companies.IsDefault, companies.RecoveryIndemnity, companies.LateInterestRate));

        var invoiceId = await scenario.IssueInvoiceAsync();
        var steps = (await CollectionsScenario.GetAsync(scenario.Member, invoiceId)).Receivable.Steps;
        Assert.Equal([(new DateOnly(2026, 4, 10), "Email"), (new DateOnly(2026, 4, 30), "Letter")], steps.Select(s => (s.PlannedOn, s.Channel)).ToArray());
    }

    [Fact]
    public async Task Given_a_plan_from_yesterday_or_for_another_entity_Then_409_or_404_and_bad_steps_400()
    {
        var structure = await app.SeedStructureAsync();
        var admin = await app.AdminClientAsync(structure);

        var past = await admin.PostAsJsonAsync("/api/collections/dunning-plans", IndividualsPlan(structure.EntityId, "2026-02-28"));
        await past.AssertProblemAsync(HttpStatusCode.Conflict);
        var other = await admin.PostAsJsonAsync("/api/collections/dunning-plans", IndividualsPlan(structure.OtherEntityId));
        await other.AssertProblemAsync(HttpStatusCode.NotFound);
        var member = await app.ClientAsync(SmartRoles.Member, Guid.NewGuid(), structure.EntityId, structure.LilleOfficeId);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/collections/dunning-plans", IndividualsPlan(structure.EntityId))).StatusCode);

        var bad = await admin.PostAsJsonAsync("/api/collections/dunning-plans", new
        {
            entityId = structure.EntityId, effectiveFrom = "2026-03-01", lateInterestRate = 1.5m, recoveryIndemnity = -1m,
            steps = new[] { new { daysAfterDue = -1, channel = "Email", template = "CollectorCall" } },
        });
        await bad.AssertFieldErrorsAsync("lateInterestRate", "recoveryIndemnity", "steps[0].daysAfterDue", "steps[0].template");
        var noTypology = await (await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId)).GetAsync("/api/collections/dunning-plans");
        await noTypology.AssertFieldErrorsAsync("typology");
    }
}
