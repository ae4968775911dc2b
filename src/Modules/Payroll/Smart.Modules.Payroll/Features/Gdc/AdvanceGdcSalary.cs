using Smart.BuildingBlocks.Bus;
using System.Runtime.Serialization;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Features.Rates;
using Smart.Modules.Payroll.Persistence;

namespace Smart.Modules.Payroll.Features.Gdc;

/// <summary>
/// The pay date of a contract-management contract has come: Payroll sends it to itself when the contract is declared,
/// delivered at 00:00 UTC on the pay date.
/// </summary>
[DataContract(Name = "payroll.gdc-salary-due.v1")]
public sealed record GdcSalaryDue(Guid ContractId);

/// <summary>
/// Advances the contract's pay on the pay date, before the employer has paid anything (DESIGN §4: "advance net salaries
/// and employer-due expenses within 7 days", and the contributions under a complete mandate), once: a redelivery finds
/// it advanced. Publishes <see cref="EmployerSalaryAdvanced"/>.
/// </summary>
public sealed class GdcSalaryDueHandler(TimeProvider clock)
{
    /// <summary>The advance, when one is made (once), for Wolverine to publish with the transaction.</summary>
    public async Task<EmployerSalaryAdvanced?> HandleAsync(GdcSalaryDue message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var contract = await session.LoadAsync<GdcContract>(message.ContractId, cancellationToken)
            ?? throw new NotFoundException("Contract", message.ContractId);
        var taxRate = (await session.LoadAsync<GdcEmployee>(contract.EmployeeId, cancellationToken))!.TaxRate;
        var payslip = await session.GdcPayslipAsync(contract, taxRate, cancellationToken);
        var scope = (await session.LoadAsync<Mandate>(contract.MandateId, cancellationToken))!.Scope;
        var today = clock.Today();
        if (contract.Advance(payslip, scope, today) is not { } advanced) return null;
        session.Update(contract);
        return new EmployerSalaryAdvanced(contract.Id, contract.EmployerId, contract.EmployeeId, contract.EntityId, payslip.NetPaid,
            payslip.IncomeTax, payslip.Expenses, advanced - payslip.Net - payslip.Expenses, advanced, today, EmployerInvoice.Currency);
    }
}

internal static class GdcPayslips
{
    /// <summary>The contract's payslip with the contribution table and the ceiling in force on its start.</summary>
    public static async Task<EmployerPayslip> GdcPayslipAsync(this IQuerySession session, GdcContract contract, decimal incomeTaxRate,
        CancellationToken cancellationToken)
    {
        var table = await session.ContributionTableAsync(contract.EntityId, contract.Category, contract.Start, cancellationToken);
        var ceiling = (await session.CeilingAsync(contract.Start, cancellationToken)).ForPeriod(contract.Start, contract.End, contract.Days, contract.Hours);
        return contract.Payslip(CappedLine.For(table, ceiling), incomeTaxRate);
    }

    /// <summary>The contract's pay-date message (<see cref="GdcSalaryDue"/>), scheduled for 00:00 UTC on its pay date.</summary>
    public static ScheduledMessage<GdcSalaryDue> SalaryDue(GdcContract contract, TimeProvider clock) =>
        new GdcSalaryDue(contract.Id).ScheduledOn(new DateTimeOffset(contract.PayDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), clock);
}
