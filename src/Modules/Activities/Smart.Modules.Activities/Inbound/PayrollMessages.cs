using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Persistence;
using Smart.Modules.Payroll.Contracts;

namespace Smart.Modules.Activities.Inbound;

/// <summary>
/// Payroll issued the payslip: its employer cost (gross + employer contributions) is booked as the activity's salary cost
/// on the pay date, and the request's commitment ends. An unknown request throws, so the message dead-letters for an
/// operator instead of vanishing; a second payslip for a booked request books nothing.
/// </summary>
public sealed class PayslipIssuedHandler(ActivitiesDbContext db, TimeProvider clock)
{
    public async Task HandleAsync(PayslipIssued payslip, CancellationToken cancellationToken)
    {
        var request = await db.SalaryRequests.SingleOrDefaultAsync(r => r.Id == payslip.SalaryRequestId && r.ActivityId == payslip.ActivityId, cancellationToken)
            ?? throw new NotFoundException("Salary request", payslip.SalaryRequestId);
        db.BudgetEntries.AddRange(request.Book(payslip.PayslipId, payslip.PayDate, payslip.EmployerCost, clock.GetUtcNow()));
    }
}

/// <summary>Payroll refused the request: its commitment ends. An unknown request dead-letters.</summary>
public sealed class SalaryRequestRejectedHandler(ActivitiesDbContext db)
{
    public async Task HandleAsync(SalaryRequestRejected rejected, CancellationToken cancellationToken)
    {
        var request = await db.SalaryRequests.SingleOrDefaultAsync(r => r.Id == rejected.SalaryRequestId && r.ActivityId == rejected.ActivityId, cancellationToken)
            ?? throw new NotFoundException("Salary request", rejected.SalaryRequestId);
        request.Reject(rejected.Reason);
    }
}
