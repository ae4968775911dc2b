using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.ContractDocuments;
using Smart.Modules.Activities.Features.Clients;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Activities.Domain.Clients;
using static Smart.BuildingBlocks.Web.HtmlPage;
using Smart.BuildingBlocks.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Smart.Modules.Activities.Features.ContractDocuments;

public sealed record ContractDocumentView(Guid Id, string Number, ContractKind Kind, Guid EntityId, Guid ActivityId, string ActivityName, ClientView Client,
    DateOnly IssueDate, ContractDetails Details, decimal? Net, decimal? VatRate, decimal? Vat, decimal? Gross, string? VatMention);

public sealed record ContractDocumentSummary(Guid Id, string Number, ContractKind Kind, Guid ClientId, string ClientName, DateOnly IssueDate, decimal? Net);

public sealed record GetContractDocument(Guid ContractDocumentId);

public sealed record ListContractDocuments(Guid ActivityId, ContractKind? Kind, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListContractDocuments>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
            RuleFor(q => q.Kind).IsInEnum();
        }
    }
}

public sealed class ContractDocumentQueriesHandler(ICurrentUser user)
{
    public async Task<ContractDocumentView> HandleAsync(GetContractDocument query, IQuerySession session, CancellationToken cancellationToken)
    {
        var (d, activity) = await session.OfVisibleActivityAsync<ContractDocument>(user, query.ContractDocumentId, d => d.ActivityId, "Contract document", cancellationToken);
        var client = await session.LoadAsync<Client>(d.ClientId, cancellationToken) ?? throw new NotFoundException("Contract document", query.ContractDocumentId);
        return new ContractDocumentView(d.Id, d.Number, d.Kind, d.EntityId, d.ActivityId, activity.Name, ClientView.From(client), d.IssueDate, d.Details,
            d.Net, d.VatRate, d.Vat, d.Gross, d.VatMention);
    }

    public async Task<PagedResult<ContractDocumentSummary>> HandleAsync(ListContractDocuments query, IQuerySession session, CancellationToken cancellationToken)
    {
        await session.VisibleActivityAsync(user, query.ActivityId, cancellationToken);
        var documents = session.Query<ContractDocument>().Where(d => d.ActivityId == query.ActivityId);
        if (query.Kind is { } kind) documents = documents.Where(d => d.Kind == kind);
        var total = await documents.CountAsync(cancellationToken);
        var page = await documents.OrderByDescending(d => d.IssueDate).ThenByDescending(d => d.Sequence)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        var clients = (await session.LoadManyAsync<Client>(cancellationToken, page.Select(d => d.ClientId).Distinct())).ToDictionary(c => c.Id, c => c.Name);
        return new PagedResult<ContractDocumentSummary>(page.Select(d => new ContractDocumentSummary(d.Id, d.Number, d.Kind, d.ClientId,
            clients.GetValueOrDefault(d.ClientId, ""), d.IssueDate, d.Net)).ToList(), query.Page, query.PageSize, total);
    }
}

/// <summary>A contract document's French title and the details it prints, by kind.</summary>
internal static class ContractDocumentTexts
{
    public static string Title(ContractKind kind) => kind switch
    {
        ContractKind.SaleOfShow => "Contrat de cession du droit d'exploitation d'un spectacle",
        ContractKind.ExecutiveProduction => "Contrat de production exécutive",
        ContractKind.CulturalActionAgreement => "Convention d'action culturelle",
        ContractKind.CourseAgreement => "Convention de formation",
        ContractKind.FundingAgreement => "Convention de financement",
        ContractKind.AuthorInvoice => "Note de droits d'auteur",
        ContractKind.SaleOfOriginalWorks => "Vente d'œuvres originales",
        _ => kind.ToString(),
    };

    public static IEnumerable<(string Label, string Value)> Details(ContractDetails details) => details switch
    {
        SaleOfShowDetails d => [("Spectacle", d.ShowTitle), ("Lieu", d.Venue), ("Dates", Days(d.PerformanceDates)), ("Représentations", d.Performances.ToString(French))],
        ExecutiveProductionDetails d => [("Projet", d.ProjectTitle), ("Période", Period(d.StartDate, d.EndDate)), ("Livrables", d.Deliverables)],
        CulturalActionAgreementDetails d => [("Action", d.ActionTitle), ("Lieu", d.Venue), ("Période", Period(d.StartDate, d.EndDate)), ("Public", d.Audience)],
        CourseAgreementDetails d => [("Formation", d.CourseTitle), ("Durée", d.Hours.ToString("0.##", French) + " h"), ("Dates", Days(d.CourseDates)),
            ("Stagiaires", d.Learners.ToString(French))],
        FundingAgreementDetails d => [("Financeur", d.Funder), ("Objet", d.Purpose), ("Montant", Euros(d.Amount))],
        AuthorInvoiceDetails d => [("Œuvre", d.WorkTitle), ("Droits cédés", Period(d.RightsFrom, d.RightsUntil))],
        SaleOfOriginalWorksDetails d => [("Œuvre", d.WorkTitle), ("Technique", d.Medium), ("Dimensions", d.Dimensions)],
        _ => [],
    };

    private static string Days(IEnumerable<DateOnly> dates) => string.Join(", ", dates.Select(FrenchFormat.Date));

    private static string Period(DateOnly from, DateOnly to) => $"du {FrenchFormat.Date(from)} au {FrenchFormat.Date(to)}";
}

public static class ContractDocumentQueriesEndpoints
{
    [WolverineGet("/api/activities/contract-documents/{contractDocumentId:guid}", OperationId = "GetContractDocument"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A contract document with its kind's details and price.")]
    public static async Task<Ok<ContractDocumentView>> Get(Guid contractDocumentId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<ContractDocumentView>(new GetContractDocument(contractDocumentId), ct));

    [WolverineGet("/api/activities/activities/{activityId:guid}/contract-documents", OperationId = "ListContractDocuments"), ProducesValidationProblem,
     ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Contract documents of an activity, newest first, optionally of one kind.")]
    public static async Task<Ok<PagedResult<ContractDocumentSummary>>> List(Guid activityId, ContractKind? kind, int? page, int? pageSize, IMessageBus bus,
        CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<ContractDocumentSummary>>(new ListContractDocuments(activityId, kind, page ?? 1, pageSize ?? 50), ct));
}
