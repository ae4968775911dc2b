using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Contracts;
using Wolverine.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization;

namespace Smart.Modules.Payroll.Features.Rates;

public sealed record ContributionLineView(int Position, string Name, ContributionBase Base, decimal CeilingMultiple, decimal EmployeeRate, decimal EmployerRate);

public sealed record ContributionTableView(
    Guid Id, Guid? EntityId, ContractCategory Category, DateOnly EffectiveFrom, string Name, decimal TotalEmployeeRate, decimal TotalEmployerRate,
    IReadOnlyList<ContributionLineView> Lines);

/// <summary>
/// Contribution tables the caller's entity uses: the group-wide ones (entity null) and the entity's own, by category then
/// effective date; <see cref="Category"/> narrows the list.
/// </summary>
public sealed record ListContributionTables(ContractCategory? Category = null)
{
    internal sealed class Validator : AbstractValidator<ListContributionTables>
    {
        public Validator() => RuleFor(q => q.Category).IsInEnum();
    }
}

public sealed record PayrollSettings(
    IReadOnlyList<SocialSecurityCeiling> SocialSecurityCeilings, IReadOnlyList<MinimumWage> MinimumWages, IReadOnlyList<WorkingTimeLimits> WorkingTimeLimits);

/// <summary>The social-security ceilings, minimum wages and working-time limits, each by effective date.</summary>
public sealed record GetPayrollSettings;

public sealed class RateQueriesHandler(ICurrentUser user)
{
    public async Task<IReadOnlyList<ContributionTableView>> HandleAsync(ListContributionTables query, IQuerySession session, CancellationToken cancellationToken)
    {
        // Group-wide tables are everyone's; an entity's own tables follow the shared-by-entity rule.
        var everyEntity = user.IsPlatformAdmin();
        var entityId = user.EntityId;
        var tables = await session.Query<ContributionTable>()
            .Where(t => t.EntityId == null || everyEntity || t.EntityId == entityId)
            .Where(t => query.Category == null || t.Category == query.Category)
            .OrderBy(t => t.Category).ThenBy(t => t.EntityId).ThenBy(t => t.EffectiveFrom)
            .ToListAsync(cancellationToken);
        return tables.Select(ToView).ToList();
    }

    public async Task<PayrollSettings> HandleAsync(GetPayrollSettings query, IQuerySession session, CancellationToken cancellationToken)
    {
        var configuration = await session.ConfigurationAsync(cancellationToken);
        return new PayrollSettings([.. configuration.SocialSecurityCeilings.OrderBy(c => c.EffectiveFrom)], [.. configuration.MinimumWages.OrderBy(w => w.EffectiveFrom)],
            [.. configuration.WorkingTimeLimits.OrderBy(l => l.EffectiveFrom)]);
    }

    internal static ContributionTableView ToView(ContributionTable t) => new(t.Id, t.EntityId, t.Category, t.EffectiveFrom, t.Name, t.TotalEmployeeRate,
        t.TotalEmployerRate, t.Lines.OrderBy(l => l.Position)
            .Select(l => new ContributionLineView(l.Position, l.Name, l.Base, l.CeilingMultiple, l.EmployeeRate, l.EmployerRate)).ToList());
}

public sealed record ContributionLineInput(string Name, ContributionBase Base, decimal CeilingMultiple, decimal EmployeeRate, decimal EmployerRate)
{
    internal sealed class Validator : AbstractValidator<ContributionLineInput>
    {
        public Validator()
        {
            RuleFor(l => l.Name).NotEmpty().MaximumLength(200);
            RuleFor(l => l.Base).IsInEnum();
            RuleFor(l => l.CeilingMultiple).GreaterThan(0).PrecisionScale(6, 2, ignoreTrailingZeros: true).When(l => l.Base == ContributionBase.CappedGross);
            RuleFor(l => l.CeilingMultiple).Equal(0).When(l => l.Base == ContributionBase.Gross).WithMessage("An uncapped line has no ceiling multiple.");
            RuleFor(l => l.EmployeeRate).InclusiveBetween(0, 1).PrecisionScale(7, 6, ignoreTrailingZeros: true);
            RuleFor(l => l.EmployerRate).InclusiveBetween(0, 1).PrecisionScale(7, 6, ignoreTrailingZeros: true);
        }
    }
}

/// <summary>
/// An administrator adds a version of a contribution table from a date (today or later) for their entity; a platform
/// admin adds a group-wide version (no entity) or names the entity. A second version on the same date is a 409.
/// </summary>
public sealed record AddContributionTable(ContractCategory Category, DateOnly EffectiveFrom, string Name, IReadOnlyList<ContributionLineInput> Lines, Guid? EntityId = null)
{
    public static AddContributionTable Example => new(ContractCategory.Student, new DateOnly(2027, 1, 1), "Étudiants 2027",
    [
        new("Assurance vieillesse plafonnée", ContributionBase.CappedGross, 1m, 0.0690m, 0.0855m),
        new("Assurance maladie, maternité, invalidité, décès", ContributionBase.Gross, 0m, 0m, 0.0700m),
    ]);

    internal sealed class Validator : AbstractValidator<AddContributionTable>
    {
        public Validator()
        {
            RuleFor(c => c.Category).IsInEnum();
            RuleFor(c => c.EffectiveFrom).NotEmpty();
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Lines).HasItems(50);
            RuleForEach(c => c.Lines).EachValid(new ContributionLineInput.Validator());
        }
    }
}

public sealed class AddContributionTableHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(AddContributionTable command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var entityId = user.EntityInScope(command.EntityId);
        // The unique index holds an entity's versions; the group-wide ones (no entity) are checked here.
        var exists = await session.Query<ContributionTable>()
            .AnyAsync(t => t.EntityId == entityId && t.Category == command.Category && t.EffectiveFrom == command.EffectiveFrom, cancellationToken);
        var table = ContributionTable.Create(entityId, command.Category, command.EffectiveFrom, command.Name,
            command.Lines.Select(l => (l.Name, l.Base, l.CeilingMultiple, l.EmployeeRate, l.EmployerRate)), exists, clock.Today());
        session.Insert(table);
        return table.Id;
    }
}

public static class RateEndpoints
{
    [WolverineGet("/api/payroll/contribution-tables", OperationId = "ListContributionTables"), ProducesValidationProblem]
    [EndpointSummary("Contribution tables (group-wide and the caller's entity's) with every line and the total rates.")]
    public static async Task<Ok<IReadOnlyList<ContributionTableView>>> List(ContractCategory? category, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<ContributionTableView>>(new ListContributionTables(category), ct));

    [WolverinePost("/api/payroll/contribution-tables", OperationId = "AddContributionTable"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Adds a contribution table version from a date (not in the past) for the admin's entity.")]
    public static async Task<Created<ResourceCreated>> Add(AddContributionTable request, IMessageBus bus, CancellationToken ct)
    {
        var id = await bus.InvokeAsync<Guid>(request, ct);
        return TypedResults.Created($"/api/payroll/contribution-tables?category={request.Category}", new ResourceCreated(id));
    }

    [WolverineGet("/api/payroll/settings", OperationId = "GetPayrollSettings")]
    [EndpointSummary("Social-security ceilings, minimum wages and working-time limits by effective date.")]
    public static async Task<Ok<PayrollSettings>> Settings(IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PayrollSettings>(new GetPayrollSettings(), ct));
}
