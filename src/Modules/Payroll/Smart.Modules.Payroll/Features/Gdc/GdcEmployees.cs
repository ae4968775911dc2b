using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.BuildingBlocks.Validation;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Features.Rates;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Contracts;
using Wolverine.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Smart.Modules.Payroll.Features.Gdc;

/// <summary>
/// An employer structure (or staff for it) registers one of its employees: name, birth date, gender, social security
/// number (NIR, key checked) and withholding-tax rate. Needs a mandate in force today (409 otherwise).
/// </summary>
public sealed record RegisterGdcEmployee(Guid EmployerId, string FirstName, string LastName, DateOnly BirthDate, Gender Gender, string SocialSecurityNumber, decimal TaxRate)
{
    internal sealed class Validator : AbstractValidator<RegisterGdcEmployee>
    {
        public Validator()
        {
            RuleFor(c => c.EmployerId).NotEmpty();
            RuleFor(c => c.FirstName).NotEmpty().MaximumLength(100);
            RuleFor(c => c.LastName).NotEmpty().MaximumLength(100);
            RuleFor(c => c.BirthDate).GreaterThan(new DateOnly(1900, 1, 1));
            RuleFor(c => c.Gender).IsInEnum();
            RuleFor(c => c.SocialSecurityNumber).IsSocialSecurityNumber();
            RuleFor(c => c.TaxRate).InclusiveBetween(0m, 0.5m).PrecisionScale(7, 6, ignoreTrailingZeros: true);
        }
    }
}

public sealed record GdcEmployeeInput(string FirstName, string LastName, DateOnly BirthDate, Gender Gender, string SocialSecurityNumber, decimal TaxRate)
{
    public static GdcEmployeeInput Example => new("Léa", "Martin", new DateOnly(1994, 6, 2), Gender.Female, "2 94 06 75 112 045 48", 0.045m);
}

/// <summary>
/// The employer (or staff) declares a contract for one of its employees: kind, category, dates, days or hours, job, the
/// gross, and the employer-due expenses we advance. Rules (409): a mandate in force on the start, no retroactive
/// contract, working-time limits, minimum wage.
/// </summary>
public sealed record DeclareGdcContract(
    Guid EmployerId, Guid EmployeeId, ContractKind Kind, ContractCategory Category, DateOnly Start, DateOnly End, decimal? Days, decimal? Hours, string Job,
    decimal Gross, decimal Expenses)
{
    internal sealed class Validator : AbstractValidator<DeclareGdcContract>
    {
        public Validator()
        {
            RuleFor(c => c.EmployerId).NotEmpty();
            RuleFor(c => c.EmployeeId).NotEmpty();
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Category).IsInEnum();
            RuleFor(c => c.Start).IsBusinessDate();
            RuleFor(c => c.End).IsBusinessDate().GreaterThanOrEqualTo(c => c.Start);
            RuleFor(c => c.Days).NotNull().When(c => c.Hours is null).WithMessage("Give a number of days or of hours.");
            RuleFor(c => c.Days).GreaterThan(0).PrecisionScale(6, 2, ignoreTrailingZeros: true).When(c => c.Days is not null);
            RuleFor(c => c.Hours).Null().When(c => c.Days is not null).WithMessage("Give days or hours, not both.");
            RuleFor(c => c.Hours).GreaterThan(0).PrecisionScale(8, 2, ignoreTrailingZeros: true).When(c => c.Hours is not null);
            RuleFor(c => c.Job).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Gross).GreaterThan(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
            RuleFor(c => c.Expenses).GreaterThanOrEqualTo(0).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        }
    }
}

public sealed record GdcContractInput(
    Guid EmployeeId, ContractKind Kind, ContractCategory Category, DateOnly Start, DateOnly End, decimal? Days, decimal? Hours, string Job, decimal Gross,
    decimal Expenses)
{
    public static GdcContractInput Example => new(Guid.Parse("0195f1a2-0000-7000-8000-0000000000e2"), ContractKind.Cddu, ContractCategory.Artistic,
        new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12), 3m, null, "Comédienne", 1_000.00m, 60.00m);
}

public sealed class GdcEmployeesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(RegisterGdcEmployee command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var employerId = await VisibleEmployerAsync(session, command.EmployerId, cancellationToken);
        var today = clock.Today();
        var mandate = await session.Query<Mandate>().SingleOrDefaultAsync(m => m.EmployerId == employerId && m.Year == today.Year, cancellationToken);
        var employee = GdcEmployee.Register(mandate, employerId, command.FirstName, command.LastName, command.BirthDate, command.Gender,
            command.SocialSecurityNumber, command.TaxRate, today);
        session.Insert(employee);
        return employee.Id;
    }

    /// <summary>The contract's id, <see cref="GdcContractDeclared"/> and its pay-date message.</summary>
    public async Task<(Guid, GdcContractDeclared, ScheduledMessage<GdcSalaryDue>)> HandleAsync(DeclareGdcContract command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var employee = await session.Query<GdcEmployee>().VisibleTo(user).SingleOrDefaultAsync(e => e.Id == command.EmployeeId && e.EmployerId == command.EmployerId, cancellationToken)
            ?? throw new NotFoundException("Employee", command.EmployeeId);
        var terms = new ContractTerms(command.Kind, command.Category, command.Start, command.End, command.Days, command.Hours, command.Job);
        var mandate = await session.Query<Mandate>().SingleOrDefaultAsync(m => m.EmployerId == employee.EmployerId && m.Year == command.Start.Year, cancellationToken);
        var contract = await session.DeclareGdcContractAsync(employee, mandate, terms, command.Gross, command.Expenses, clock, cancellationToken);
        return (contract.Id, contract.ToDeclared(employee), GdcPayslips.SalaryDue(contract, clock));
    }

    /// <summary>The employer as the caller may see it (itself, or staff of its office or entity); a person is no employer here.</summary>
    private async Task<Guid> VisibleEmployerAsync(IQuerySession session, Guid employerId, CancellationToken cancellationToken) =>
        (await session.Query<Employee>().VisibleTo(user).Where(e => e.MemberId == employerId && e.Kind == MemberKind.LegalEntity)
            .SingleOrDefaultAsync(cancellationToken))?.MemberId
        ?? throw new NotFoundException("Employer", employerId);
}

internal static class GdcContractDeclarations
{
    /// <summary>
    /// Declares a contract of an employer's employee under the rules in force on its start and the pay date of its end,
    /// records its pre-employment declaration (the handler and the demo seed, which schedule its pay-date advance).
    /// </summary>
    public static async Task<GdcContract> DeclareGdcContractAsync(this IDocumentSession session,
        GdcEmployee employee, Mandate? mandate, ContractTerms terms, decimal gross, decimal expenses, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var configuration = await session.ConfigurationAsync(cancellationToken);
        var contract = GdcContract.Declare(employee, mandate, terms, gross, expenses, today, configuration.WorkingTimeLimitsOn(terms.Start),
            configuration.MinimumWageOn(terms.Start), await session.PayDateAsync(employee.EntityId, terms.End, cancellationToken));
        contract.Declared(await session.DeclareAsync(contract.DeclarationRequest, clock, cancellationToken));
        session.Insert(contract);
        return contract;
    }
}

public sealed record GdcEmployeeView(Guid Id, Guid EmployerId, string FirstName, string LastName, DateOnly BirthDate, Gender Gender, string SocialSecurityNumber,
    decimal TaxRate, DateOnly RegisteredOn);

public sealed record GdcContractView(Guid Id, Guid EmployerId, Guid EmployeeId, ContractKind Kind, ContractCategory Category, DateOnly Start, DateOnly End,
    decimal? Days, decimal Hours, string Job, decimal Gross, decimal Expenses, DateOnly DeclaredOn, string? DeclarationReference, DateOnly PayDate,
    DateOnly? AdvancedOn, decimal? Advanced, Guid? PayrollRunId);

public sealed record ListGdcEmployees(Guid EmployerId);

public sealed record ListGdcContracts(Guid EmployerId);

public sealed record GetGdcContract(Guid ContractId);

public sealed class GdcEmployeeQueriesHandler(ICurrentUser user)
{
    public async Task<IReadOnlyList<GdcEmployeeView>> HandleAsync(ListGdcEmployees query, IQuerySession session, CancellationToken cancellationToken) =>
        (await session.Query<GdcEmployee>().VisibleTo(user).Where(e => e.EmployerId == query.EmployerId).OrderBy(e => e.LastName).ThenBy(e => e.FirstName)
            .Take(1000).ToListAsync(cancellationToken))
        .Select(e => new GdcEmployeeView(e.Id, e.EmployerId, e.FirstName, e.LastName, e.BirthDate, e.Gender, e.SocialSecurityNumber, e.TaxRate, e.RegisteredOn))
        .ToList();

    public async Task<IReadOnlyList<GdcContractView>> HandleAsync(ListGdcContracts query, IQuerySession session, CancellationToken cancellationToken) =>
        (await session.Query<GdcContract>().VisibleTo(user).Where(c => c.EmployerId == query.EmployerId).OrderByDescending(c => c.Start).ThenBy(c => c.Id)
            .Take(1000).ToListAsync(cancellationToken)).Select(ToView).ToList();

    public async Task<GdcContractView> HandleAsync(GetGdcContract query, IQuerySession session, CancellationToken cancellationToken) =>
        ToView(await session.Query<GdcContract>().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == query.ContractId, cancellationToken)
            ?? throw new NotFoundException("Contract", query.ContractId));

    private static GdcContractView ToView(GdcContract c) => new GdcContractView(c.Id, c.EmployerId,
        c.EmployeeId, c.Kind, c.Category, c.Start, c.End, c.Days, c.Hours, c.Job, c.Gross, c.Expenses, c.DeclaredOn, c.DeclarationReference, c.PayDate, c.AdvancedOn,
        c.Advanced, c.PayrollRunId);
}

public static class GdcEmployeeEndpoints
{
    [WolverinePost("/api/payroll/employers/{employerId:guid}/employees", OperationId = "RegisterGdcEmployee"), ProducesCommandProblems]
    [EndpointSummary("An employer structure under contract management registers one of its employees.")]
    public static async Task<Created<ResourceCreated>> Register(Guid employerId, GdcEmployeeInput input, IMessageBus bus, CancellationToken ct)
    {
        var id = await bus.InvokeAsync<Guid>(new RegisterGdcEmployee(employerId, input.FirstName, input.LastName, input.BirthDate, input.Gender,
            input.SocialSecurityNumber, input.TaxRate), ct);
        return TypedResults.Created($"/api/payroll/employers/{employerId}/employees", new ResourceCreated(id));
    }

    [WolverineGet("/api/payroll/employers/{employerId:guid}/employees", OperationId = "ListGdcEmployees")]
    [EndpointSummary("An employer's employees (an employer sees only its own).")]
    public static async Task<Ok<IReadOnlyList<GdcEmployeeView>>> ListEmployees(Guid employerId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<GdcEmployeeView>>(new ListGdcEmployees(employerId), ct));

    [WolverinePost("/api/payroll/employers/{employerId:guid}/contracts", OperationId = "DeclareGdcContract"), ProducesCommandProblems]
    [EndpointSummary("Declares a contract of an employer's employee with its gross and the employer-due expenses to advance.")]
    public static async Task<Created<ResourceCreated>> Declare(Guid employerId, GdcContractInput input, IMessageBus bus, CancellationToken ct)
    {
        var id = await bus.InvokeAsync<Guid>(new DeclareGdcContract(employerId, input.EmployeeId, input.Kind, input.Category, input.Start, input.End,
            input.Days, input.Hours, input.Job, input.Gross, input.Expenses), ct);
        return TypedResults.Created($"/api/payroll/gdc-contracts/{id}", new ResourceCreated(id));
    }

    [WolverineGet("/api/payroll/employers/{employerId:guid}/contracts", OperationId = "ListGdcContracts")]
    [EndpointSummary("An employer's contracts, newest first.")]
    public static async Task<Ok<IReadOnlyList<GdcContractView>>> ListContracts(Guid employerId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<GdcContractView>>(new ListGdcContracts(employerId), ct));

    [WolverineGet("/api/payroll/gdc-contracts/{contractId:guid}", OperationId = "GetGdcContract"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A contract of an employer's employee.")]
    public static async Task<Ok<GdcContractView>> GetContract(Guid contractId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<GdcContractView>(new GetGdcContract(contractId), ct));
}
