using Smart.BuildingBlocks.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Features.Rates;
using Smart.Modules.Payroll.Members;
using Wolverine.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization;

namespace Smart.Modules.Payroll.Features.Gdc;

/// <summary>
/// An operator runs an employer's payroll for a month once it is over: a payslip for each of its contracts that ended in
/// the month (contribution tables of the contract's start, the employee's tax rate), then the month's invoice, numbered in
/// the entity's GDC series. Publishes <see cref="EmployerInvoiceIssued"/>. Once per employer and month (409).
/// </summary>
public sealed record RunEmployerPayroll(Guid EmployerId, int Year, int Month)
{
    internal sealed class Validator : AbstractValidator<RunEmployerPayroll>
    {
        public Validator()
        {
            RuleFor(c => c.EmployerId).NotEmpty();
            RuleFor(c => c.Year).InclusiveBetween(2000, 2100);
            RuleFor(c => c.Month).InclusiveBetween(1, 12);
        }
    }
}

public sealed record RunEmployerPayrollRequest(int Year, int Month)
{
    public static RunEmployerPayrollRequest Example => new(2026, 3);
}

public sealed record EmployerPayrollRunCreated(Guid RunId, Guid InvoiceId);

public sealed class RunEmployerPayrollHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The run and its invoice for the caller, and the invoice's event for Wolverine to publish with the transaction.</summary>
    public async Task<(EmployerPayrollRunCreated, EmployerInvoiceIssued)> HandleAsync(RunEmployerPayroll command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var employer = await session.Query<Employee>().VisibleTo(user).SingleOrDefaultAsync(e => e.MemberId == command.EmployerId, cancellationToken)
            ?? throw new NotFoundException("Employer", command.EmployerId);
        var today = clock.Today();
        var first = new DateOnly(command.Year, command.Month, 1);
        var last = EmployerPayrollRun.LastDayOf(command.Year, command.Month);
        var mandate = await session.Query<Mandate>().SingleOrDefaultAsync(m => m.EmployerId == employer.MemberId && m.Year == command.Year, cancellationToken);
        var alreadyRun = await session.Query<EmployerPayrollRun>().AnyAsync(r => r.EmployerId == employer.MemberId && r.Year == command.Year && r.Month == command.Month,
            cancellationToken);

        var contracts = await session.Query<GdcContract>()
            .Where(c => c.EmployerId == employer.MemberId && c.PayrollRunId == null && c.End >= first && c.End <= last)
            .OrderBy(c => c.End).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var employees = (await session.Query<GdcEmployee>().Where(e => e.EmployerId == employer.MemberId).ToListAsync(cancellationToken)).ToDictionary(e => e.Id);
        var payslips = new List<EmployerPayslip>();
        foreach (var contract in contracts)
        {
            var employee = employees[contract.EmployeeId];
            // Each payslip keeps what its document prints, the employer structure as its mandate names it (ADR 0093).
            payslips.Add(await session.GdcPayslipAsync(contract, employee.TaxRate, cancellationToken) with { Sheet = contract.Sheet(mandate?.Employer, employee) });
        }

        var run = EmployerPayrollRun.Run(mandate, employer.MemberId, command.Year, command.Month, payslips, alreadyRun, today);
        foreach (var contract in contracts)
        {
            contract.PaidBy(run.Id);
            session.Update(contract);
        }
        session.Insert(run);

        // The fee of the month's payroll: the rates in force on its last day, even when the run comes in the next month.
        var rates = (await session.ConfigurationAsync(cancellationToken)).GdcFeeRatesOn(last);
        var number = await session.NextAsync(PayrollStore.Schema, run.EntityId, EmployerInvoice.Series, today, today, cancellationToken);
        var invoice = EmployerInvoice.Issue(number, run, rates, today);
        session.Insert(invoice);
        return (new EmployerPayrollRunCreated(run.Id, invoice.Id), new EmployerInvoiceIssued(invoice.Id, invoice.Number, invoice.EntityId, invoice.EmployerId,
            employer.DisplayName, invoice.Year, invoice.Month, invoice.Scope, invoice.IssueDate, invoice.DueDate, invoice.GrossPayroll,
            invoice.NetSalaries, invoice.Expenses, invoice.EmployeeContributions, invoice.EmployerContributions, invoice.GuaranteeFundFee, invoice.ServiceFee,
            invoice.Fee, invoice.FeeVat, invoice.Total, EmployerInvoice.Currency, employer.OfficeId));
    }
}

public sealed record EmployerPayrollRunView(Guid Id, Guid EmployerId, Guid MandateId, MandateScope Scope, int Year, int Month, DateOnly RunOn,
    IReadOnlyList<EmployerPayslip> Payslips, EmployerPayrollTotals Totals);

public sealed record EmployerInvoiceView(
    Guid Id, string Number, Guid EmployerId, Guid PayrollRunId, int Year, int Month, MandateScope Scope, DateOnly IssueDate, DateOnly DueDate,
    decimal GrossPayroll, decimal NetSalaries, decimal Expenses, decimal EmployeeContributions, decimal EmployerContributions, decimal GuaranteeFundRate,
    decimal ServiceRate, decimal VatRate, decimal GuaranteeFundFee, decimal ServiceFee, decimal Fee, decimal FeeVat, decimal Total, string Currency);

public sealed record GetEmployerPayrollRun(Guid RunId);

public sealed record GetEmployerInvoice(Guid InvoiceId);

/// <summary>The employer invoices the caller may see (an employer: its own), newest first.</summary>
public sealed record ListEmployerInvoices(Guid? EmployerId);

public sealed class EmployerPayrollQueriesHandler(ICurrentUser user)
{
    public async Task<EmployerPayrollRunView> HandleAsync(GetEmployerPayrollRun query, IQuerySession session, CancellationToken cancellationToken)
    {
        var run = await session.Query<EmployerPayrollRun>().VisibleTo(user).SingleOrDefaultAsync(r => r.Id == query.RunId, cancellationToken)
            ?? throw new NotFoundException("Payroll run", query.RunId);
        return new EmployerPayrollRunView(run.Id, run.EmployerId, run.MandateId, run.Scope, run.Year, run.Month, run.RunOn, run.Payslips, run.Totals());
    }

    public async Task<EmployerInvoiceView> HandleAsync(GetEmployerInvoice query, IQuerySession session, CancellationToken cancellationToken) =>
        ToView(await session.Query<EmployerInvoice>().VisibleTo(user).SingleOrDefaultAsync(i => i.Id == query.InvoiceId, cancellationToken)
            ?? throw new NotFoundException("Employer invoice", query.InvoiceId));

    public async Task<IReadOnlyList<EmployerInvoiceView>> HandleAsync(ListEmployerInvoices query, IQuerySession session, CancellationToken cancellationToken)
    {
        var invoices = session.Query<EmployerInvoice>().VisibleTo(user);
        if (query.EmployerId is { } employerId) invoices = invoices.Where(i => i.EmployerId == employerId);
        return (await invoices.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Number).Take(500).ToListAsync(cancellationToken)).Select(ToView).ToList();
    }

    private static EmployerInvoiceView ToView(EmployerInvoice i) => new EmployerInvoiceView(i.Id, i.Number,
        i.EmployerId, i.PayrollRunId, i.Year, i.Month, i.Scope, i.IssueDate, i.DueDate, i.GrossPayroll, i.NetSalaries, i.Expenses, i.EmployeeContributions,
        i.EmployerContributions, i.GuaranteeFundRate, i.ServiceRate, i.VatRate, i.GuaranteeFundFee, i.ServiceFee, i.GuaranteeFundFee + i.ServiceFee, i.FeeVat,
        i.Total, EmployerInvoice.Currency);
}

public static class EmployerPayrollEndpoints
{
    [WolverinePost("/api/payroll/employers/{employerId:guid}/payroll-runs", OperationId = "RunEmployerPayroll"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Runs an employer's payroll for a month that is over: payslips of the contracts ended in it, then the month's invoice.")]
    public static async Task<Created<EmployerPayrollRunCreated>> Run(Guid employerId, RunEmployerPayrollRequest request, IMessageBus bus, CancellationToken ct)
    {
        var created = await bus.InvokeAsync<EmployerPayrollRunCreated>(new RunEmployerPayroll(employerId, request.Year, request.Month), ct);
        return TypedResults.Created($"/api/payroll/employer-payroll-runs/{created.RunId}", created);
    }

    [WolverineGet("/api/payroll/employer-payroll-runs/{runId:guid}", OperationId = "GetEmployerPayrollRun"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("An employer's monthly run with its payslips and totals.")]
    public static async Task<Ok<EmployerPayrollRunView>> GetRun(Guid runId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<EmployerPayrollRunView>(new GetEmployerPayrollRun(runId), ct));

    [WolverineGet("/api/payroll/employer-invoices/{invoiceId:guid}", OperationId = "GetEmployerInvoice"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("An employer's monthly invoice: net salaries, expenses, contributions (complete mandate), fee and VAT on the fee.")]
    public static async Task<Ok<EmployerInvoiceView>> GetInvoice(Guid invoiceId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<EmployerInvoiceView>(new GetEmployerInvoice(invoiceId), ct));

    [WolverineGet("/api/payroll/employer-invoices", OperationId = "ListEmployerInvoices")]
    [EndpointSummary("Employer invoices the caller may see, newest first.")]
    public static async Task<Ok<IReadOnlyList<EmployerInvoiceView>>> ListInvoices(Guid? employerId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<EmployerInvoiceView>>(new ListEmployerInvoices(employerId), ct));
}
