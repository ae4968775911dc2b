using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Features.Clients;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using StoredClient = Smart.Modules.Activities.Domain.Clients.Client;

namespace Smart.IntegrationTests.Activities;

public sealed class ClientsApiTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Theory]
    [InlineData("PublicBody", 30)]
    [InlineData("Individual", 15)]
    [InlineData("Abroad", 45)]
    public async Task Given_no_payment_terms_Then_they_default_from_the_typology(string typology, int days)
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();

        var id = await RegisterClientAsync(member, typology);

        var client = await member.GetApiAsync<ClientView>($"/api/activities/clients/{id}");
        Assert.Equal((Enum.Parse<ClientTypology>(typology), days, scenario.Structure.EntityId), (client!.Typology, client.PaymentTermsDays, client.EntityId));
    }

    [Fact]
    public async Task Given_a_VAT_number_already_used_in_the_entity_Then_409_however_it_is_spelled()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var vat = "FR" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999);
        await RegisterClientAsync(member, vatNumber: vat);
        var before = await StoredAsync<StoredClient>(app);

        var twice = await member.PostAsJsonAsync("/api/activities/clients", new
        {
            name = "Same VAT", country = "FR", legalForm = "Company", typology = "Company", vatNumber = vat.Insert(2, " ").Insert(5, "."),
            billingAddress = new { line1 = "1 rue", postalCode = "59000", city = "Lille", country = "FR" }, billingEmail = "a@b.fr",
        });

        Assert.Equal("ClientVatNumberIsUniqueInEntity", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(before, await StoredAsync<StoredClient>(app));
    }

    [Fact]
    public async Task Given_bad_input_Then_400_with_field_errors_named_as_sent_and_nothing_written()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var before = await StoredAsync<StoredClient>(app);

        var response = await member.PostAsJsonAsync("/api/activities/clients", new
        {
            name = "", country = "France", legalForm = "Company", typology = "Company", vatNumber = "123",
            billingAddress = new { line1 = "", postalCode = "59000", city = "", country = "FR" }, billingEmail = "nope", paymentTermsDays = 365,
        });

        await response.AssertFieldErrorsAsync("name", "country", "vatNumber", "billingAddress.line1", "billingAddress.city", "billingEmail", "paymentTermsDays");
        Assert.Equal(before, await StoredAsync<StoredClient>(app));
    }

    [Fact]
    public async Task Given_new_billing_details_Then_they_apply_and_a_stale_version_is_409()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var id = await RegisterClientAsync(member);
        var read = await member.GetApiAsync<ClientView>($"/api/activities/clients/{id}");
        var change = new
        {
            name = "Théâtre du Nord — CDN", billingAddress = new { line1 = "Boulevard Carnot", line2 = "Service comptable", postalCode = "59000", city = "Lille", country = "fr" },
            billingEmail = "factures@tdn.example", vatNumber = (string?)null, paymentTermsDays = 45, expectedVersion = read!.Version,
        };

        Assert.Equal(HttpStatusCode.NoContent, (await member.PutAsJsonAsync($"/api/activities/clients/{id}/billing-details", change)).StatusCode);
        await (await member.PutAsJsonAsync($"/api/activities/clients/{id}/billing-details", change with { paymentTermsDays = 60 })).AssertProblemAsync(HttpStatusCode.Conflict);

        var client = await member.GetApiAsync<ClientView>($"/api/activities/clients/{id}");
        Assert.Equal(("Théâtre du Nord — CDN", "Service comptable", "FR", 45), (client!.Name, client.BillingAddress.Line2, client.BillingAddress.Country, client.PaymentTermsDays));
    }

    [Fact]
    public async Task Given_a_client_of_another_entity_Then_it_is_404_to_read_change_and_invoice()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var otherEntityMember = await app.ClientAsync(SmartRoles.Member, Guid.NewGuid(), scenario.Structure.OtherEntityId, scenario.Structure.OtherEntityOfficeId);
        var foreign = await RegisterClientAsync(otherEntityMember);
        var activity = await OpenActivityAsync(member);

        await (await member.GetAsync($"/api/activities/clients/{foreign}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await member.PutAsJsonAsync($"/api/activities/clients/{foreign}/billing-details", new
        {
            name = "X", billingAddress = new { line1 = "1", postalCode = "1", city = "X", country = "FR" }, billingEmail = "x@y.fr", paymentTermsDays = 1, expectedVersion = 0,
        })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await IssueInvoiceAsync(member, activity, foreign, issueDate: null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(foreign.ToString(), await member.GetStringAsync("/api/activities/clients?pageSize=200"));
    }
}
