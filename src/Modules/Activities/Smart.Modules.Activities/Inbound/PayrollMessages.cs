using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.Persistence;
using Smart.Modules.Payroll.Contracts;

namespace Smart.Modules.Activities.Inbound;

/// <summary>
/// Payroll issued the payslip: its employer cost (gross + employer contributions) is booked as the activity's salary cost
/// on the pay date, and the request's commitment ends. An unknown request throws, so the message dead-letters for an
/// operator instead of vanishing; a second payslip for a booked request books nothing.
/// </summary>
public sealed class PayslipIssuedHandler(TimeProvider clock)
{
    public async Task HandleAsync(PayslipIssued payslip, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (ledger, request) = await LedgerAndRequestAsync(session, payslip.SalaryRequestId, payslip.ActivityId, cancellationToken);
        var entries = request.Book(payslip.PayslipId, payslip.PayDate, payslip.EmployerCost, clock.GetUtcNow());
        if (entries.Count > 0)
        {
            ledger.Append([.. entries, request.CommitmentEnded()]);
            session.UpdateRevision(request, request.Version + 1);
        }
    }

    /// <summary>
    /// The activity's ledger and the request, read under the ledger's lock in one round trip: a payslip and a rejection
    /// of one request never both end its commitment.
    /// </summary>
    internal static async Task<(ActivityLedger Ledger, SalaryRequest Request)> LedgerAndRequestAsync(IDocumentSession session, Guid requestId, Guid activityId,
        CancellationToken cancellationToken) =>
        await session.LedgerWithAsync<SalaryRequest>(activityId, requestId, cancellationToken) is (var ledger, { } request) && request.ActivityId == activityId
            ? (ledger, request)
            : throw new NotFoundException("Salary request", requestId);
}

/// <summary>Payroll refused the request: its commitment ends. An unknown request dead-letters.</summary>
public sealed class SalaryRequestRejectedHandler
{
    public async Task HandleAsync(SalaryRequestRejected rejected, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (ledger, request) = await PayslipIssuedHandler.LedgerAndRequestAsync(session, rejected.SalaryRequestId, rejected.ActivityId, cancellationToken);
        if (request.Status == SalaryRequestStatus.Rejected)
        {
            return;
        }
        request.Reject(rejected.Reason);
        ledger.Append(request.CommitmentEnded());
        session.UpdateRevision(request, request.Version + 1);
    }
}
