using Smart.Modules.Activities.Contracts;
using FluentValidation;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.ContractDocuments;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Features.ContractDocuments;

namespace Smart.UnitTests.Activities;

public sealed class ContractDocumentTests
{
    private static readonly Guid SmartFr = Guid.NewGuid();

    private static IssueContractDocument Command(ContractKind kind, ContractDetailsInput details, decimal? price = 1000m) =>
        new(Guid.NewGuid(), Guid.NewGuid(), kind, null, details, price, null);

    private static List<string> Errors(IssueContractDocument command) =>
        new IssueContractDocument.Validator().Validate(command).Errors.Select(e => e.PropertyName).Distinct().Order().ToList();

    public static TheoryData<string, string[]> RequiredFields => new()
    {
        { "SaleOfShow", ["Details.Performances", "Details.PerformanceDates", "Details.ShowTitle", "Details.Venue"] },
        { "ExecutiveProduction", ["Details.Deliverables", "Details.EndDate", "Details.ProjectTitle", "Details.StartDate"] },
        { "CulturalActionAgreement", ["Details.ActionTitle", "Details.Audience", "Details.EndDate", "Details.StartDate", "Details.Venue"] },
        { "CourseAgreement", ["Details.CourseDates", "Details.CourseTitle", "Details.Hours", "Details.Learners"] },
        { "FundingAgreement", ["Details.Amount", "Details.Funder", "Details.Purpose"] },
        { "AuthorInvoice", ["Details.RightsFrom", "Details.RightsUntil", "Details.WorkTitle"] },
        { "SaleOfOriginalWorks", ["Details.Dimensions", "Details.Medium", "Details.WorkTitle"] },
    };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Given_empty_details_Then_each_kind_names_exactly_its_required_fields(string kindName, string[] fields)
    {
        var kind = Enum.Parse<ContractKind>(kindName);
        var price = ContractDetails.HasPrice(kind) ? 1000m : (decimal?)null;

        Assert.Equal(fields.Order().ToList(), Errors(Command(kind, new ContractDetailsInput(), price)));
    }

    [Fact]
    public void Given_a_sale_of_a_show_with_a_field_of_another_kind_and_no_price_Then_both_are_refused()
    {
        var details = new ContractDetailsInput
        {
            ShowTitle = "Les Échappées", Venue = "Théâtre du Nord", PerformanceDates = [new DateOnly(2026, 3, 14)], Performances = 1, Funder = "DRAC",
        };

        Assert.Equal(["Details.Funder", "Price"], Errors(Command(ContractKind.SaleOfShow, details, price: null)));
    }

    [Fact]
    public void Given_a_complete_course_agreement_at_SmartFr_for_training_Then_it_is_priced_at_0_percent_with_the_mention_and_numbered_CT()
    {
        var details = new ContractDetailsInput { CourseTitle = "PAO", Hours = 14m, CourseDates = [new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 2)], Learners = 8 };
        Assert.Empty(Errors(Command(ContractKind.CourseAgreement, details, 1400m)));
        var activity = Activity.Open(Guid.NewGuid(), SmartFr, Guid.NewGuid(), "Formations", ActivityKind.Training, 1, new DateOnly(2025, 1, 6));
        var client = Client.Register(SmartFr, "Lycée Baggio", "fr", ClientLegalForm.PublicBody, null,
            new BillingAddress("Bd d'Alsace", null, "59000", "Lille", "fr"), "compta@lycee.example", ClientTypology.PublicBody, 30);

        var document = ContractDocument.Issue(new LegalNumber(DocumentKind.ContractDocument.Prefix(), 2026, 7), activity, client, details.ToDetails(ContractKind.CourseAgreement), 1400m,
            VatTreatment.For(activity.Kind, 0.20m, trainingVatExempt: true, "Exonération de TVA — article 261-4-4° a du CGI"), requestedVatRate: 0.20m, new DateOnly(2026, 3, 2));

        Assert.Equal(("CT2026-000007", 0m, 0m, 1400.00m), (document.Number, document.VatRate, document.Vat, document.Gross));
        Assert.NotNull(document.VatMention);
        Assert.Equal([new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 3)], ((CourseAgreementDetails)document.Details).CourseDates);
    }

    [Fact]
    public void Given_a_funding_agreement_with_a_price_Then_the_domain_refuses_it()
    {
        var activity = Activity.Open(Guid.NewGuid(), SmartFr, Guid.NewGuid(), "Compagnie", ActivityKind.LivePerformance, 1, new DateOnly(2025, 1, 6));
        var client = Client.Register(SmartFr, "DRAC", "fr", ClientLegalForm.PublicBody, null,
            new BillingAddress("3 rue du Lombard", null, "59000", "Lille", "fr"), "drac@culture.example", ClientTypology.PublicBody, 30);

        var refused = Assert.Throws<BusinessRuleViolationException>(() => ContractDocument.Issue(new LegalNumber(DocumentKind.ContractDocument.Prefix(), 2026, 1), activity, client,
            new FundingAgreementDetails("DRAC", "Création", 15000m), 100m, VatTreatment.For(activity.Kind, 0.20m, false, null), null, new DateOnly(2026, 3, 2)));

        Assert.Equal("PriceMatchesKind", refused.Rule);
    }
}
