using Smart.BuildingBlocks.DemoData;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Seed;

namespace Smart.IntegrationTests.Activities;

public sealed class DocumentsDemoDataTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_the_demo_seed_Then_quotes_are_open_accepted_into_their_invoice_or_declined_and_contract_documents_exist()
    {
        await app.SeedStructureAsync(members: 60);

        await app.InvokeAsync(new SeedActivitiesDemoData());

        Assert.True(await app.Database.ScalarAsync<int>("SELECT count(*) FROM activities.quotes") > 0);
        Assert.Equal(
            await app.Database.ScalarAsync<int>("SELECT count(*) FROM activities.quotes WHERE status = 'Accepted'"),
            await app.Database.ScalarAsync<int>("SELECT count(*) FROM activities.invoices i JOIN activities.quotes q ON q.invoice_id = i.id AND i.quote_id = q.id"));
        Assert.True(await app.Database.ScalarAsync<int>("SELECT count(*) FROM activities.contract_documents") > 0);
        Assert.Equal(0, await app.Database.ScalarAsync<int>(
            "SELECT count(*) FROM activities.invoice_lines l JOIN activities.invoices i ON i.id = l.invoice_id JOIN activities.activities a ON a.id = i.activity_id " +
            "JOIN activities.entity_rules r ON r.entity_id = i.entity_id AND r.training_vat_exempt WHERE a.kind = 'Training' AND l.vat_rate <> 0"));
    }

    [Fact]
    public async Task Given_the_demo_seed_Then_companies_festivals_and_associations_are_named_from_the_French_vocabulary()
    {
        await app.SeedStructureAsync(members: 60);

        await app.InvokeAsync(new SeedActivitiesDemoData());

        var names = (await app.Database.ScalarAsync<string[]>(
            "SELECT array_agg(name) FROM (SELECT name FROM activities.activities UNION ALL SELECT name FROM activities.clients WHERE typology = 'Association') n")).ToList();
        var companies = names.Where(n => n.StartsWith("Compagnie ")).ToList();
        var festivals = names.Where(n => n.StartsWith("Festival ")).ToList();
        Assert.NotEmpty(companies);
        Assert.NotEmpty(festivals);
        Assert.All(companies, n => Assert.Contains(n["Compagnie ".Length..], FrenchVocabulary.CompanyNames));
        Assert.All(festivals, n => Assert.Contains(n["Festival ".Length..], FrenchVocabulary.FestivalNames));
        Assert.All(names.Where(n => n.StartsWith("MJC de ")), n => Assert.Contains(n["MJC de ".Length..], FrenchVocabulary.Towns));
    }
}
