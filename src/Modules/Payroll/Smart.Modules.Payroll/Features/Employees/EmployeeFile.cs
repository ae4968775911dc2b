using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Members;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Payroll.Features.Employees;

/// <summary>
/// The employee's file as payslips print it: social security number and classification. The full number is shown to the
/// member and to operators and admins; anyone else who may see the employee (an advisor) sees it masked (ADR 0094).
/// </summary>
public sealed record EmployeeFileView(Guid MemberId, string DisplayName, string? SocialSecurityNumber, bool SocialSecurityNumberMasked, string? Classification);

public sealed record GetEmployeeFile(Guid MemberId);

/// <summary>
/// The member (their own) or an operator records the social security number (its key checked: a wrong one is a 400 on
/// the field) and the classification (free text, e.g. "Artiste interprète", "Employé — niveau 2"). Payslips issued
/// afterwards print them; those issued before keep what they printed. Null clears a field.
/// </summary>
public sealed record RecordEmployeeFile(Guid MemberId, string? SocialSecurityNumber, string? Classification)
{
    internal sealed class Validator : AbstractValidator<RecordEmployeeFile>
    {
        public Validator()
        {
            RuleFor(c => c.MemberId).NotEmpty();
            RuleFor(c => c.SocialSecurityNumber).MaximumLength(30).IsSocialSecurityNumber().When(c => c.SocialSecurityNumber is not null);
            RuleFor(c => c.Classification).MaximumLength(EmployeeFileInput.ClassificationLength);
        }
    }
}

public sealed record EmployeeFileInput(string? SocialSecurityNumber, string? Classification)
{
    /// <summary>A classification is a short label, as the collective agreement words it.</summary>
    public const int ClassificationLength = 120;

    public static EmployeeFileInput Example => new("2 94 06 75 112 045 48", "Artiste interprète");
}

public sealed class EmployeeFileHandler(ICurrentUser user)
{
    public async Task<EmployeeFileView> HandleAsync(GetEmployeeFile query, IQuerySession session, CancellationToken cancellationToken)
    {
        var employee = await session.Query<Employee>().VisibleTo(user).SingleOrDefaultAsync(e => e.MemberId == query.MemberId, cancellationToken)
            ?? throw new NotFoundException("Employee", query.MemberId);
        var full = SeesFullFile(employee.MemberId);
        var number = employee.SocialSecurityNumber is { } nir && !full ? LegalIdentifiers.MaskSocialSecurityNumber(nir) : employee.SocialSecurityNumber;
        return new EmployeeFileView(employee.MemberId, employee.DisplayName, number, !full && number is not null, employee.Classification);
    }

    public async Task HandleAsync(RecordEmployeeFile command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var employee = await session.Query<Employee>().VisibleTo(user).SingleOrDefaultAsync(e => e.MemberId == command.MemberId, cancellationToken);
        // Only those who may read the full number may write it: for anyone else the file does not exist.
        if (employee is null || !SeesFullFile(employee.MemberId)) throw new NotFoundException("Employee", command.MemberId);
        employee.RecordFile(command.SocialSecurityNumber, command.Classification);
        session.Update(employee);
    }

    private bool SeesFullFile(Guid memberId) => user.MemberId == memberId || user.IsInRole(SmartRoles.Operator) || user.IsInRole(SmartRoles.Admin);
}

public static class EmployeeFileEndpoints
{
    [WolverineGet("/api/payroll/employees/{memberId:guid}/file", OperationId = "GetEmployeeFile"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The employee's social security number (in full for the member and operators, masked for others) and classification.")]
    public static async Task<Ok<EmployeeFileView>> Get(Guid memberId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<EmployeeFileView>(new GetEmployeeFile(memberId), ct));

    [WolverinePut("/api/payroll/employees/{memberId:guid}/file", OperationId = "RecordEmployeeFile"), ProducesCommandProblems]
    [EndpointSummary("Records the employee's social security number (key checked) and classification, printed on the payslips issued afterwards.")]
    public static async Task<NoContent> Put(Guid memberId, EmployeeFileInput input, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new RecordEmployeeFile(memberId, input.SocialSecurityNumber, input.Classification), ct);
        return TypedResults.NoContent();
    }
}
