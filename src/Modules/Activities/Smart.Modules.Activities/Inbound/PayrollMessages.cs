using Marten;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.Persistence;
using Smart.Modules.Payroll.Contracts;
using Wolverine;

namespace Smart.Modules.Activities.Inbound;

/// <summary>
/// Payroll issued payslips, in batches (ADR 0130): each one's employer cost (gross + employer contributions) is booked as
/// its activity's salary cost on the pay date, and its request's commitment ends. The batch's ledgers are taken and its
/// requests read in one round trip. An unknown request goes back alone (<see cref="BatchStragglers{T}"/>) and
/// dead-letters for an operator instead of vanishing; a second payslip for a booked request books nothing.
/// </summary>
public sealed class PayslipIssuedHandler(TimeProvider clock)
{
    public async Task HandleAsync(PayslipIssued[] payslips, IDocumentSession session, IMessageContext context, CancellationToken cancellationToken)
    {
        var stragglers = new BatchStragglers<PayslipIssued>(payslips, context);
        var (ledgers, read) = await session.LedgersWithAsync<SalaryRequest>(payslips.Select(p => p.ActivityId), payslips.Select(p => p.SalaryRequestId),
            cancellationToken);
        var requests = read.ToDictionary(r => r.Id);
        foreach (var payslip in payslips.DistinctBy(p => p.PayslipId))
        {
            if (requests.GetValueOrDefault(payslip.SalaryRequestId) is not { } request || request.ActivityId != payslip.ActivityId
                || !ledgers.TryGetValue(payslip.ActivityId, out var ledger))
            {
                stragglers.Add(payslip, new NotFoundException("Salary request", payslip.SalaryRequestId));
                continue;
            }
            var entries = request.Book(payslip.PayslipId, payslip.PayDate, payslip.EmployerCost, clock.GetUtcNow());
            if (entries.Count > 0)
            {
                ledger.Append([.. entries, request.CommitmentEnded()]);
                session.UpdateRevision(request, request.Version + 1);
            }
        }
        await stragglers.SendBackAsync();
    }
}

/// <summary>Payroll refused the request: its commitment ends. An unknown request dead-letters.</summary>
public sealed class SalaryRequestRejectedHandler
{
    public async Task HandleAsync(SalaryRequestRejected rejected, IDocumentSession session, CancellationToken cancellationToken)
    {
        var (ledger, request) = await LedgerAndRequestAsync(session, rejected.SalaryRequestId, rejected.ActivityId, cancellationToken);
        if (request.Status == SalaryRequestStatus.Rejected)
        {
            return;
        }
        request.Reject(rejected.Reason);
        ledger.Append(request.CommitmentEnded());
        session.UpdateRevision(request, request.Version + 1);
    }

    /// <summary>
    /// The activity's ledger and the request, read under the ledger's lock in one round trip: a payslip (which takes
    /// the ledger too) and a rejection of one request never both end its commitment.
    /// </summary>
    private static async Task<(ActivityLedger Ledger, SalaryRequest Request)> LedgerAndRequestAsync(IDocumentSession session, Guid requestId, Guid activityId,
        CancellationToken cancellationToken) =>
        await session.LedgerWithAsync<SalaryRequest>(activityId, requestId, cancellationToken) is (var ledger, { } request) && request.ActivityId == activityId
            ? (ledger, request)
            : throw new NotFoundException("Salary request", requestId);
}
