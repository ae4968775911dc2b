using Smart.BuildingBlocks.Security;
using Smart.Modules.Payroll.Domain.Cdi;
using Smart.Modules.Payroll.Domain.Gdc;

namespace Smart.Modules.Payroll.Features.Gdc;

/// <summary>Contract-management records belong to the employer structure: it sees its own, staff see their office's or entity's.</summary>
internal static class GdcVisibility
{
    public static IQueryable<Mandate> VisibleTo(this IQueryable<Mandate> mandates, ICurrentUser user) =>
        mandates.VisibleTo(user, m => m.EntityId, m => m.OfficeId, m => m.EmployerId);

    public static IQueryable<GdcEmployee> VisibleTo(this IQueryable<GdcEmployee> employees, ICurrentUser user) =>
        employees.VisibleTo(user, e => e.EntityId, e => e.OfficeId, e => e.EmployerId);

    public static IQueryable<GdcContract> VisibleTo(this IQueryable<GdcContract> contracts, ICurrentUser user) =>
        contracts.VisibleTo(user, c => c.EntityId, c => c.OfficeId, c => c.EmployerId);

    public static IQueryable<EmployerPayrollRun> VisibleTo(this IQueryable<EmployerPayrollRun> runs, ICurrentUser user) =>
        runs.VisibleTo(user, r => r.EntityId, r => r.OfficeId, r => r.EmployerId);

    public static IQueryable<EmployerInvoice> VisibleTo(this IQueryable<EmployerInvoice> invoices, ICurrentUser user) =>
        invoices.VisibleTo(user, i => i.EntityId, i => i.OfficeId, i => i.EmployerId);

    /// <summary>A CDI plan is its member's.</summary>
    public static IQueryable<CdiSmoothingPlan> VisibleTo(this IQueryable<CdiSmoothingPlan> plans, ICurrentUser user) =>
        plans.VisibleTo(user, p => p.EntityId, p => p.OfficeId, p => p.MemberId);
}
