using Smart.BuildingBlocks.Security;
using Smart.Modules.Payroll.Domain.Contracts;
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

    public static IQueryable<Employee> VisibleTo(this IQueryable<Employee> employees, ICurrentUser user) =>
        employees.VisibleTo(user, e => e.EntityId, e => e.OfficeId, e => e.MemberId);
}
