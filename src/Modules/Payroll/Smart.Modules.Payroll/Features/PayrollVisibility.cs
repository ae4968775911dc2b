using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Members;

namespace Smart.Modules.Payroll.Features;

/// <summary>Payroll's records under the platform's visibility rule: contracts, payslips and tax rates are the employee's.</summary>
internal static class PayrollVisibility
{
    public static IQueryable<EmploymentContract> VisibleTo(this IQueryable<EmploymentContract> contracts, ICurrentUser user) =>
        contracts.VisibleTo(user, c => c.EntityId, c => c.OfficeId, c => c.MemberId);

    public static IQueryable<Payslip> VisibleTo(this IQueryable<Payslip> payslips, ICurrentUser user) =>
        payslips.VisibleTo(user, p => p.EntityId, p => p.OfficeId, p => p.MemberId);

    /// <summary>
    /// The entity a staff command acts on: the caller's own entity (naming another is a 404), or for a platform admin the
    /// one asked for (null: every entity, or the group).
    /// </summary>
    public static Guid? EntityInScope(this ICurrentUser user, Guid? asked)
    {
        if (user.IsPlatformAdmin()) return asked;
        if (user.EntityId is not { } own || (asked is { } other && other != own))
        {
            throw new NotFoundException("Entity", asked ?? Guid.Empty);
        }
        return own;
    }

    public static IQueryable<Employee> VisibleTo(this IQueryable<Employee> employees, ICurrentUser user) =>
        employees.VisibleTo(user, e => e.EntityId, e => e.OfficeId, e => e.MemberId);
}
