using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Messaging;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Activities.Domain.Contracts;
using Smart.Modules.Activities.Features.Clients;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities.Features.Contracts;

internal sealed record ContractDocumentView(Guid Id, string Number, ContractKind Kind, Guid EntityId, Guid ActivityId, string ActivityName, ClientView Client,
    DateOnly IssueDate, ContractDetails Details, decimal? Net, decimal? VatRate, decimal? Vat, decimal? Gross, string? VatMention);

internal sealed record ContractDocumentSummary(Guid Id, string Number, ContractKind Kind, Guid ClientId, string ClientName, DateOnly IssueDate, decimal? Net);

internal sealed record GetContractDocument(Guid ContractDocumentId);

internal sealed record ListContractDocuments(Guid ActivityId, ContractKind? Kind, int Page = 1, int PageSize = 50)
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

internal sealed class ContractDocumentQueriesHandler(ActivitiesDbContext db, ICurrentUser user)
{
    public async Task<ContractDocumentView> HandleAsync(GetContractDocument query, CancellationToken cancellationToken)
    {
        var found = await (from document in db.ContractDocuments.AsNoTracking()
                           join a in db.Activities.VisibleTo(user) on document.ActivityId equals a.Id
                           join c in db.Clients on document.ClientId equals c.Id
                           where document.Id == query.ContractDocumentId
                           select new { Document = document, ActivityName = a.Name, Client = c }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Contract document", query.ContractDocumentId);
        var d = found.Document;
        return new ContractDocumentView(d.Id, d.Number, d.Kind, d.EntityId, d.ActivityId, found.ActivityName, ClientView.From(found.Client), d.IssueDate, d.Details,
            d.Net, d.VatRate, d.Vat, d.Gross, d.VatMention);
    }

    public async Task<PagedResult<ContractDocumentSummary>> HandleAsync(ListContractDocuments query, CancellationToken cancellationToken)
    {
        if (!await db.Activities.VisibleTo(user).AnyAsync(a => a.Id == query.ActivityId, cancellationToken))
        {
            throw new NotFoundException("Activity", query.ActivityId);
        }
        var documents = from d in db.ContractDocuments.AsNoTracking()
                        join c in db.Clients on d.ClientId equals c.Id
                        where d.ActivityId == query.ActivityId
                        select new { d, ClientName = c.Name };
        if (query.Kind is { } kind) documents = documents.Where(x => x.d.Kind == kind);
        var total = await documents.CountAsync(cancellationToken);
        var page = await documents.OrderByDescending(x => x.d.IssueDate).ThenByDescending(x => x.d.Sequence)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(x => new ContractDocumentSummary(x.d.Id, x.d.Number, x.d.Kind, x.d.ClientId, x.ClientName, x.d.IssueDate, x.d.Net))
            .ToListAsync(cancellationToken);
        return new PagedResult<ContractDocumentSummary>(page, query.Page, query.PageSize, total);
    }
}

internal sealed class ContractDocumentQueriesEndpoint : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/contract-documents/{contractDocumentId:guid}", async (Guid contractDocumentId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<ContractDocumentView>(new GetContractDocument(contractDocumentId), ct)))
            .WithName("GetContractDocument")
            .WithSummary("A contract document with its kind's details and price.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/activities/{activityId:guid}/contract-documents", async (Guid activityId, ContractKind? kind, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<PagedResult<ContractDocumentSummary>>(new ListContractDocuments(activityId, kind, page ?? 1, pageSize ?? 50), ct)))
            .WithName("ListContractDocuments")
            .WithSummary("Contract documents of an activity, newest first, optionally of one kind.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
