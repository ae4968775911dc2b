using System.Runtime.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Wolverine.Http;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Funding;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Persistence;

namespace Smart.Modules.Payroll.Features.PayRuns;

/// <summary>
/// The pay run of a day, scheduled by each payslip for its pay date (delivered at 00:00 UTC that day): pays every issued
/// payslip of the entity (every entity when null) due on or before <see cref="Date"/>. Paying is idempotent: a paid
/// payslip is skipped, so the several runs scheduled for one day, or a run delivered twice, pay each payslip once.
/// </summary>
[DataContract(Name = "payroll.run-payroll.v1")]
public sealed record RunPayroll(Guid? EntityId, DateOnly Date)
{
    public static DateTimeOffset At(DateOnly payDate) => new(payDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

public sealed record PayRunResult(DateOnly Date, Guid? EntityId, int PayslipsPaid, decimal NetPaid, decimal AdvancedByGuaranteeFund);

public static class RunPayrollHandler
{
    /// <summary>The run's figures, and each payment (and guarantee-fund advance) for Wolverine to publish with the transaction.</summary>
    public static Task<(PayRunResult, OutgoingMessages)> HandleAsync(RunPayroll run, IDocumentSession session, CancellationToken cancellationToken) =>
        session.PayAsync(run, cancellationToken);
}

internal static class PayRuns
{
    /// <summary>
    /// The run itself, in the caller's transaction: scheduled (<see cref="RunPayroll"/>) or started by an operator. Each
    /// salary is funded on its activity's guarantee-fund account (<see cref="GuaranteeFundAccounts"/>).
    /// </summary>
    public static async Task<(PayRunResult, OutgoingMessages)> PayAsync(this IDocumentSession session, RunPayroll run, CancellationToken cancellationToken)
    {
        var payments = new OutgoingMessages();
        var due = await session.Query<Payslip>()
            .Where(p => p.Status == PayslipStatus.Issued && p.PayDate <= run.Date && (run.EntityId == null || p.EntityId == run.EntityId))
            .OrderBy(p => p.PayDate).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var streams = await session.FetchAccountsForWritingAsync(due.Select(p => p.ActivityId), cancellationToken);
        var accounts = streams.ToDictionary(s => s.Key, s => s.Value.Account());
        // Read again under the accounts' locks: a concurrent run may have paid some meanwhile (it committed before we got the locks).
        var paidMeanwhile = due.Count == 0 ? [] : (await session.Query<Payslip>()
            .Where(p => p.Id.IsOneOf(due.Select(d => d.Id).ToArray()) && p.Status == PayslipStatus.Paid).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();

        decimal netPaid = 0, advanced = 0;
        var paidCount = 0;
        foreach (var payslip in due.Where(p => !paidMeanwhile.Contains(p.Id)))
        {
            var account = accounts[payslip.ActivityId];
            var funding = account.FundSalary(payslip.Id, run.Date, payslip.EmployerCost);
            streams[payslip.ActivityId].AppendOne(funding);
            account.Absorb(funding);
            payments.Add(payslip.Pay(run.Date, funding.AdvancedByFund));
            session.Update(payslip);
            if (funding.AdvancedByFund > 0)
            {
                payments.Add(new GuaranteeFundAdvanced(payslip.Id, payslip.ActivityId, payslip.MemberId, run.Date, funding.AdvancedByFund));
            }
            netPaid += payslip.NetPaid;
            advanced += funding.AdvancedByFund;
            paidCount++;
        }
        return (new PayRunResult(run.Date, run.EntityId, paidCount, netPaid, advanced), payments);
    }
}

/// <summary>
/// An operator runs the pay of a date by hand (e.g. to catch up): for their entity; a platform admin names the entity or
/// runs every entity. A date after today is refused (409): salaries are not paid before their date.
/// </summary>
public sealed record StartPayRun(DateOnly Date, Guid? EntityId = null)
{
    public static StartPayRun Example => new(new DateOnly(2026, 3, 17));

    internal sealed class Validator : AbstractValidator<StartPayRun>
    {
        public Validator() => RuleFor(c => c.Date).NotEmpty();
    }
}

public sealed class StartPayRunHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<(PayRunResult, OutgoingMessages)> HandleAsync(StartPayRun command, IDocumentSession session, CancellationToken cancellationToken)
    {
        BusinessRules.Check(new PayRunIsNotPostDated(command.Date, clock.Today()));
        return await session.PayAsync(new RunPayroll(user.EntityInScope(command.EntityId), command.Date), cancellationToken);
    }

    private sealed record PayRunIsNotPostDated(DateOnly Date, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => Date > Today;

        public string Message => $"The pay run of {Date:yyyy-MM-dd} cannot happen before that day (today is {Today:yyyy-MM-dd}).";
    }
}

public static class StartPayRunEndpoint
{
    [WolverinePost("/api/payroll/pay-runs", OperationId = "StartPayRun"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Pays every issued payslip of the operator's entity due on or before the date; the guarantee fund advances what clients have not paid.")]
    public static async Task<Ok<PayRunResult>> Post(StartPayRun command, IMessageBus bus, CancellationToken ct) => TypedResults.Ok(await bus.InvokeAsync<PayRunResult>(command, ct));
}
