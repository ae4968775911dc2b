using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Offices;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Offices;

/// <summary>An admin attaches an advisor (permanent staff) to an office of their entity from a day.</summary>
public sealed record AssignAdvisor(Guid OfficeId, string FullName, string Email, DateOnly StartsOn)
{
    internal sealed class Validator : AbstractValidator<AssignAdvisor>
    {
        public Validator()
        {
            RuleFor(c => c.OfficeId).NotEmpty();
            RuleFor(c => c.FullName).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress();
            RuleFor(c => c.StartsOn).IsBusinessDate();
        }
    }
}

/// <summary>The advisor's last day at the office.</summary>
public sealed record EndAssignmentInput(DateOnly EndsOn)
{
    internal sealed class Validator : AbstractValidator<EndAssignmentInput>
    {
        public Validator() => RuleFor(x => x.EndsOn).IsBusinessDate();
    }
}

public sealed record EndAdvisorAssignment(Guid AssignmentId, EndAssignmentInput End);

public sealed record GetAdvisorAssignment(Guid AssignmentId);

/// <summary>The advisors of an office on a day (today when absent).</summary>
public sealed record ListOfficeAdvisors(Guid OfficeId, DateOnly? On)
{
    internal sealed class Validator : AbstractValidator<ListOfficeAdvisors>
    {
        public Validator() => RuleFor(q => q.On!.Value).IsBusinessDate().When(q => q.On is not null).OverridePropertyName("on");
    }
}

public sealed record AdvisorView(Guid Id, Guid EntityId, Guid OfficeId, string FullName, string Email, DateOnly StartsOn, DateOnly? EndsOn)
{
    internal static AdvisorView From(AdvisorAssignment a) => new(a.Id, a.EntityId, a.OfficeId, a.FullName, a.Email, a.StartsOn, a.EndsOn);
}

public sealed record OfficeAdvisorsView(Guid OfficeId, DateOnly On, IReadOnlyList<AdvisorView> Advisors);

/// <summary>
/// The register of advisors by office: each assignment and its end are published (<see cref="AdvisorAssigned"/>,
/// <see cref="AdvisorAssignmentEnded"/>) with the change, for the annual report's advisors per office. Everyone of the
/// entity sees who advises an office (members need to know whom to ask); only its admins change the register.
/// </summary>
public sealed class AdvisorsHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The advisory-lock scope of an entity's register ("ADVS"): two assignments of one person at once would both pass the overlap check.</summary>
    private const int RegisterLocks = 0x41445653;

    public async Task<(Guid, AdvisorAssigned)> HandleAsync(AssignAdvisor command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var office = await session.Query<Office>().VisibleTo(user).SingleOrDefaultAsync(o => o.Id == command.OfficeId, cancellationToken)
            ?? throw new NotFoundException("Office", command.OfficeId);
        var email = Domain.Members.Member.NormalizeEmail(command.Email);
        await session.LockAsync(RegisterLocks, office.EntityId, cancellationToken);
        var overlapping = await session.Query<AdvisorAssignment>()
            .AnyAsync(a => a.EntityId == office.EntityId && a.Email == email && (a.EndsOn == null || a.EndsOn >= command.StartsOn), cancellationToken);
        var assignment = AdvisorAssignment.Assign(office, command.FullName, email, command.StartsOn, overlapping);
        session.Insert(assignment);
        return (assignment.Id, assignment.ToAssigned());
    }

    public async Task<(AdvisorView, AdvisorAssignmentEnded)> HandleAsync(EndAdvisorAssignment command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var assignment = await LoadVisibleAsync(session, command.AssignmentId, cancellationToken);
        assignment.End(command.End.EndsOn);
        session.Update(assignment);
        return (AdvisorView.From(assignment), assignment.ToEnded());
    }

    public async Task<AdvisorView> HandleAsync(GetAdvisorAssignment query, IQuerySession session, CancellationToken cancellationToken) =>
        AdvisorView.From(await LoadVisibleAsync(session, query.AssignmentId, cancellationToken));

    public async Task<OfficeAdvisorsView> HandleAsync(ListOfficeAdvisors query, IQuerySession session, CancellationToken cancellationToken)
    {
        if (!await session.Query<Office>().VisibleTo(user).AnyAsync(o => o.Id == query.OfficeId, cancellationToken))
        {
            throw new NotFoundException("Office", query.OfficeId);
        }
        var on = query.On ?? clock.Today();
        var advisors = await session.Query<AdvisorAssignment>()
            .Where(a => a.OfficeId == query.OfficeId && a.StartsOn <= on && (a.EndsOn == null || a.EndsOn >= on))
            .OrderBy(a => a.FullName).ToListAsync(cancellationToken);
        return new OfficeAdvisorsView(query.OfficeId, on, advisors.Select(AdvisorView.From).ToList());
    }

    // The assignment carries its office's entity: the office's own visibility rule, without reading the office.
    private async Task<AdvisorAssignment> LoadVisibleAsync(IQuerySession session, Guid assignmentId, CancellationToken cancellationToken) =>
        await session.LoadAsync<AdvisorAssignment>(assignmentId, cancellationToken) is { } assignment
        && assignment.IsVisibleInEntityOf(user, a => a.EntityId)
            ? assignment
            : throw new NotFoundException("Advisor assignment", assignmentId);
}

public static class AdvisorsEndpoints
{
    [WolverinePost("/api/governance/advisors", OperationId = "AssignAdvisor"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Attaches an advisor to an office of the admin's entity from a day; a person advises one office at a time (admins).")]
    public static Task<Created<ResourceCreated>> Post(AssignAdvisor command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/governance/advisors/", ct);

    [WolverinePost("/api/governance/advisors/{assignmentId:guid}/end", OperationId = "EndAdvisorAssignment"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Ends an advisor's assignment to their office on their last day there (admins).")]
    public static async Task<Ok<AdvisorView>> End(Guid assignmentId, EndAssignmentInput end, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<AdvisorView>(new EndAdvisorAssignment(assignmentId, end), ct));

    [WolverineGet("/api/governance/advisors/{assignmentId:guid}", OperationId = "GetAdvisorAssignment"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("An advisor's assignment to an office, with its dates.")]
    public static async Task<Ok<AdvisorView>> Get(Guid assignmentId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<AdvisorView>(new GetAdvisorAssignment(assignmentId), ct));

    [WolverineGet("/api/governance/offices/{officeId:guid}/advisors", OperationId = "ListOfficeAdvisors"), ProducesProblem(StatusCodes.Status404NotFound), ProducesValidationProblem]
    [EndpointSummary("The advisors of an office on a day (today when absent), with their e-mail.")]
    public static async Task<Ok<OfficeAdvisorsView>> List(Guid officeId, DateOnly? on, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<OfficeAdvisorsView>(new ListOfficeAdvisors(officeId, on), ct));
}
