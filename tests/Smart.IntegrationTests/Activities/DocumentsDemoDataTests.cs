using Smart.BuildingBlocks.DemoData;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities.Seed;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using Marten;
using Smart.Modules.Activities;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.Quotes;
using Smart.Modules.Activities.EntityRulesCopy;
using StoredActivity = Smart.Modules.Activities.Domain.Activities.Activity;
using StoredClient = Smart.Modules.Activities.Domain.Clients.Client;
using StoredInvoice = Smart.Modules.Activities.Domain.Invoicing.Invoice;
using StoredContractDocument = Smart.Modules.Activities.Domain.ContractDocuments.ContractDocument;
using StoredQuote = Smart.Modules.Activities.Domain.Quotes.Quote;

namespace Smart.IntegrationTests.Activities;

public sealed class DocumentsDemoDataTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_the_demo_seed_Then_quotes_are_open_accepted_into_their_invoice_or_declined_and_contract_documents_exist()
    {
        await app.SeedStructureAsync(members: 60);

        await app.InvokeAsync(new SeedActivitiesDemoData());

        Assert.True(await StoredAsync<StoredQuote>(app) > 0);
        var (quotes, invoices, activities, rules) = await app.QueryStoreAsync<IActivitiesStore, (IReadOnlyList<StoredQuote>, IReadOnlyList<StoredInvoice>,
            IReadOnlyList<StoredActivity>, IReadOnlyList<EntityRules>)>(async session =>
            (await session.Query<StoredQuote>().ToListAsync(), await session.Query<StoredInvoice>().ToListAsync(), await session.Query<StoredActivity>().ToListAsync(),
                await session.Query<EntityRules>().ToListAsync()));
        var accepted = quotes.Where(q => q.Status == QuoteStatus.Accepted).ToList();
        Assert.Equal(accepted.Count, invoices.Count(i => accepted.Any(q => q.InvoiceId == i.Id && i.QuoteId == q.Id)));
        Assert.True(await StoredAsync<StoredContractDocument>(app) > 0);
        var training = activities.Where(a => a.Kind == ActivityKind.Training).Select(a => a.Id).ToHashSet();
        var exempt = rules.Where(r => r.TrainingVatExempt).Select(r => r.EntityId).ToHashSet();
        Assert.DoesNotContain(invoices.Where(i => training.Contains(i.ActivityId) && exempt.Contains(i.EntityId)).SelectMany(i => i.Lines), l => l.VatRate != 0);
    }

    [Fact]
    public async Task Given_the_demo_seed_Then_companies_festivals_and_associations_are_named_from_the_French_vocabulary()
    {
        await app.SeedStructureAsync(members: 60);

        await app.InvokeAsync(new SeedActivitiesDemoData());

        var names = await app.QueryStoreAsync<IActivitiesStore, List<string>>(async session =>
            [.. (await session.Query<StoredActivity>().ToListAsync()).Select(a => a.Name),
                .. (await session.Query<StoredClient>().Where(c => c.Typology == ClientTypology.Association).ToListAsync()).Select(c => c.Name)]);
        var companies = names.Where(n => n.StartsWith("Compagnie ")).ToList();
        var festivals = names.Where(n => n.StartsWith("Festival ")).ToList();
        Assert.NotEmpty(companies);
        Assert.NotEmpty(festivals);
        Assert.All(companies, n => Assert.Contains(n["Compagnie ".Length..], FrenchVocabulary.CompanyNames));
        Assert.All(festivals, n => Assert.Contains(n["Festival ".Length..], FrenchVocabulary.FestivalNames));
        Assert.All(names.Where(n => n.StartsWith("MJC de ")), n => Assert.Contains(n["MJC de ".Length..], FrenchVocabulary.Towns));
    }
}
