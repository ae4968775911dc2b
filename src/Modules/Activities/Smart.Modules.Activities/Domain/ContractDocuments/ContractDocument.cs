using System.Text.Json.Serialization;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.Invoicing;

namespace Smart.Modules.Activities.Domain.ContractDocuments;

public enum ContractKind
{
    /// <summary>"Contrat de cession": the activity sells performances of a show to an organiser.</summary>
    SaleOfShow,
    ExecutiveProduction,
    CulturalActionAgreement,
    CourseAgreement,
    FundingAgreement,
    AuthorInvoice,
    SaleOfOriginalWorks,
}

/// <summary>The fields a kind of contract document requires; stored as jsonb, the discriminator names the kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SaleOfShowDetails), nameof(ContractKind.SaleOfShow))]
[JsonDerivedType(typeof(ExecutiveProductionDetails), nameof(ContractKind.ExecutiveProduction))]
[JsonDerivedType(typeof(CulturalActionAgreementDetails), nameof(ContractKind.CulturalActionAgreement))]
[JsonDerivedType(typeof(CourseAgreementDetails), nameof(ContractKind.CourseAgreement))]
[JsonDerivedType(typeof(FundingAgreementDetails), nameof(ContractKind.FundingAgreement))]
[JsonDerivedType(typeof(AuthorInvoiceDetails), nameof(ContractKind.AuthorInvoice))]
[JsonDerivedType(typeof(SaleOfOriginalWorksDetails), nameof(ContractKind.SaleOfOriginalWorks))]
public abstract record ContractDetails
{
    [JsonIgnore]
    public abstract ContractKind Kind { get; }

    /// <summary>Whether the document carries a price excl. VAT and a VAT rate (a funding agreement states its amount in its details, without VAT).</summary>
    public static bool HasPrice(ContractKind kind) => kind != ContractKind.FundingAgreement;
}

internal sealed record SaleOfShowDetails(string ShowTitle, string Venue, IReadOnlyList<DateOnly> PerformanceDates, int Performances) : ContractDetails
{
    [JsonIgnore]
    public override ContractKind Kind => ContractKind.SaleOfShow;
}

internal sealed record ExecutiveProductionDetails(string ProjectTitle, DateOnly StartDate, DateOnly EndDate, string Deliverables) : ContractDetails
{
    [JsonIgnore]
    public override ContractKind Kind => ContractKind.ExecutiveProduction;
}

internal sealed record CulturalActionAgreementDetails(string ActionTitle, string Venue, DateOnly StartDate, DateOnly EndDate, string Audience) : ContractDetails
{
    [JsonIgnore]
    public override ContractKind Kind => ContractKind.CulturalActionAgreement;
}

internal sealed record CourseAgreementDetails(string CourseTitle, decimal Hours, IReadOnlyList<DateOnly> CourseDates, int Learners) : ContractDetails
{
    [JsonIgnore]
    public override ContractKind Kind => ContractKind.CourseAgreement;
}

internal sealed record FundingAgreementDetails(string Funder, string Purpose, decimal Amount) : ContractDetails
{
    [JsonIgnore]
    public override ContractKind Kind => ContractKind.FundingAgreement;
}

internal sealed record AuthorInvoiceDetails(string WorkTitle, DateOnly RightsFrom, DateOnly RightsUntil) : ContractDetails
{
    [JsonIgnore]
    public override ContractKind Kind => ContractKind.AuthorInvoice;
}

internal sealed record SaleOfOriginalWorksDetails(string WorkTitle, string Medium, string Dimensions) : ContractDetails
{
    [JsonIgnore]
    public override ContractKind Kind => ContractKind.SaleOfOriginalWorks;
}

/// <summary>
/// A contract document of an activity with a client (sale of a show, course agreement…): a kind, the fields that kind
/// requires, a price where the kind has one, a gap-free number in the entity's contract series (CT2026-000001).
/// Immutable once issued: it has no method that changes it.
/// </summary>
internal sealed class ContractDocument : AggregateRoot
{
    private ContractDocument()
    {
        Number = null!;
        Details = null!;
    }

    public Guid EntityId { get; private set; }

    public Guid ActivityId { get; private set; }

    public Guid ClientId { get; private set; }

    public ContractKind Kind { get; private set; }

    public string Number { get; private set; }

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    public DateOnly IssueDate { get; private set; }

    public ContractDetails Details { get; private set; }

    /// <summary>Price excl. VAT; null for kinds without a price.</summary>
    public decimal? Net { get; private set; }

    public decimal? VatRate { get; private set; }

    public decimal? Vat { get; private set; }

    public decimal? Gross { get; private set; }

    /// <summary>Legal mention when VAT does not apply (exempt training).</summary>
    public string? VatMention { get; private set; }

    /// <summary>Seller, client and contact as printed when issued; null on documents issued before they carried them.</summary>
    public DocumentHeading? Heading { get; private set; }

    public static ContractDocument Issue(LegalNumber number, Activity activity, Client client, ContractDetails details, decimal? net, VatTreatment vat,
        decimal? requestedVatRate, DateOnly issueDate, DocumentHeading? heading = null)
    {
        activity.EnsureOpen();
        CheckRule(new ClientBelongsToTheActivitysEntity(client.EntityId, activity.EntityId));
        CheckRule(new PriceMatchesKind(details.Kind, net));
        var document = new ContractDocument
        {
            Id = Guid.CreateVersion7(),
            EntityId = activity.EntityId,
            ActivityId = activity.Id,
            ClientId = client.Id,
            Kind = details.Kind,
            Number = number.ToString(),
            Year = number.Year,
            Sequence = number.Sequence,
            IssueDate = issueDate,
            Details = details,
            Heading = heading,
        };
        if (net is { } price)
        {
            // One line priced like an invoice line: same rounding, same VAT treatment.
            var line = new InvoiceLine(details.Kind.ToString(), 1, price, vat.RateFor(requestedVatRate));
            (document.Net, document.VatRate, document.Vat, document.Gross) = (line.Net, line.VatRate, line.Vat, line.Net + line.Vat);
            document.VatMention = vat.Mention;
        }
        return document;
    }

    private sealed record PriceMatchesKind(ContractKind Kind, decimal? Net) : IBusinessRule
    {
        public bool IsBroken() => ContractDetails.HasPrice(Kind) != Net is not null;

        public string Message => ContractDetails.HasPrice(Kind) ? $"A {Kind} document states its price excl. VAT." : $"A {Kind} document has no price.";
    }
}
