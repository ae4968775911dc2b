using Smart.BuildingBlocks.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Persistence;

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

internal sealed record RunEmployerPayrollRequest(int Year, int Month)
{
    public static RunEmployerPayrollRequest Example => new(2026, 3);
}

public sealed record EmployerPayrollRunCreated(Guid RunId, Guid InvoiceId);

public sealed class RunEmployerPayrollHandler(PayrollDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The run and its invoice for the caller, and the invoice's event for Wolverine to publish with the transaction.</summary>
    public async Task<(EmployerPayrollRunCreated, EmployerInvoiceIssued)> HandleAsync(RunEmployerPayroll command, CancellationToken cancellationToken)
    {
        var employer = await db.Employees.VisibleTo(user).SingleOrDefaultAsync(e => e.MemberId == command.EmployerId, cancellationToken)
            ?? throw new NotFoundException("Employer", command.EmployerId);
        var today = clock.Today();
        var first = new DateOnly(command.Year, command.Month, 1);
        var last = EmployerPayrollRun.LastDayOf(command.Year, command.Month);
        var mandate = await db.Mandates.SingleOrDefaultAsync(m => m.EmployerId == employer.MemberId && m.Year == command.Year, cancellationToken);
        var alreadyRun = await db.EmployerPayrollRuns.AnyAsync(r => r.EmployerId == employer.MemberId && r.Year == command.Year && r.Month == command.Month,
            cancellationToken);

        var contracts = await db.GdcContracts
            .Where(c => c.EmployerId == employer.MemberId && c.PayrollRunId == null && c.End >= first && c.End <= last)
            .OrderBy(c => c.End).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var taxRates = await db.GdcEmployees.Where(e => e.EmployerId == employer.MemberId).ToDictionaryAsync(e => e.Id, e => e.TaxRate, cancellationToken);
        var payslips = new List<EmployerPayslip>();
        foreach (var contract in contracts)
        {
            payslips.Add(await db.GdcPayslipAsync(contract, taxRates[contract.EmployeeId], cancellationToken));
        }

        var run = EmployerPayrollRun.Run(mandate, employer.MemberId, command.Year, command.Month, payslips, alreadyRun, today);
        contracts.ForEach(c => c.PaidBy(run.Id));
        db.EmployerPayrollRuns.Add(run);

        // The fee of the month's payroll: the rates in force on its last day, even when the run comes in the next month.
        var rates = (await db.GdcFeeRates.AsNoTracking().ToListAsync(cancellationToken)).RequiredOn(last, "contract-management fee rates");
        var number = await LegalNumbering.NextAsync(db.Database.GetDbConnection(), PayrollDbContext.SchemaName, run.EntityId, EmployerInvoice.Series, today, today, cancellationToken);
        var invoice = EmployerInvoice.Issue(number, run, rates, today);
        db.EmployerInvoices.Add(invoice);
        return (new EmployerPayrollRunCreated(run.Id, invoice.Id), new EmployerInvoiceIssued(invoice.Id, invoice.Number, invoice.EntityId, invoice.EmployerId,
            employer.DisplayName, invoice.Year, invoice.Month, invoice.Scope.ToString(), invoice.IssueDate, invoice.DueDate, invoice.GrossPayroll,
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

public sealed class EmployerPayrollQueriesHandler(PayrollDbContext db, ICurrentUser user)
{
    public async Task<EmployerPayrollRunView> HandleAsync(GetEmployerPayrollRun query, CancellationToken cancellationToken)
    {
        var run = await db.EmployerPayrollRuns.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(r => r.Id == query.RunId, cancellationToken)
            ?? throw new NotFoundException("Payroll run", query.RunId);
        return new EmployerPayrollRunView(run.Id, run.EmployerId, run.MandateId, run.Scope, run.Year, run.Month, run.RunOn, run.Payslips, run.Totals());
    }

    public async Task<EmployerInvoiceView> HandleAsync(GetEmployerInvoice query, CancellationToken cancellationToken) =>
        await db.EmployerInvoices.AsNoTracking().VisibleTo(user).Where(i => i.Id == query.InvoiceId).Select(ToView).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Employer invoice", query.InvoiceId);

    public async Task<IReadOnlyList<EmployerInvoiceView>> HandleAsync(ListEmployerInvoices query, CancellationToken cancellationToken)
    {
        var invoices = db.EmployerInvoices.AsNoTracking().VisibleTo(user);
        if (query.EmployerId is { } employerId) invoices = invoices.Where(i => i.EmployerId == employerId);
        return await invoices.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Number).Take(500).Select(ToView).ToListAsync(cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<EmployerInvoice, EmployerInvoiceView>> ToView = i => new EmployerInvoiceView(i.Id, i.Number,
        i.EmployerId, i.PayrollRunId, i.Year, i.Month, i.Scope, i.IssueDate, i.DueDate, i.GrossPayroll, i.NetSalaries, i.Expenses, i.EmployeeContributions,
        i.EmployerContributions, i.GuaranteeFundRate, i.ServiceRate, i.VatRate, i.GuaranteeFundFee, i.ServiceFee, i.GuaranteeFundFee + i.ServiceFee, i.FeeVat,
        i.Total, EmployerInvoice.Currency);
}

internal sealed class EmployerPayrollEndpoints : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapPost("/employers/{employerId:guid}/payroll-runs", async (Guid employerId, RunEmployerPayrollRequest request, IMessageBus bus, CancellationToken ct) =>
            {
                var created = await bus.InvokeAsync<EmployerPayrollRunCreated>(new RunEmployerPayroll(employerId, request.Year, request.Month), ct);
                return TypedResults.Created($"/api/payroll/employer-payroll-runs/{created.RunId}", created);
            })
            .RequireAuthorization(SmartPolicies.Operator)
            .WithName("RunEmployerPayroll")
            .WithSummary("Runs an employer's payroll for a month that is over: payslips of the contracts ended in it, then the month's invoice.")
            .ProducesCommandProblems();

        module.MapGet("/employer-payroll-runs/{runId:guid}", async (Guid runId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<EmployerPayrollRunView>(new GetEmployerPayrollRun(runId), ct)))
            .WithName("GetEmployerPayrollRun")
            .WithSummary("An employer's monthly run with its payslips and totals.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/employer-invoices/{invoiceId:guid}", async (Guid invoiceId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<EmployerInvoiceView>(new GetEmployerInvoice(invoiceId), ct)))
            .WithName("GetEmployerInvoice")
            .WithSummary("An employer's monthly invoice: net salaries, expenses, contributions (complete mandate), fee and VAT on the fee.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapGet("/employer-invoices", async (Guid? employerId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<EmployerInvoiceView>>(new ListEmployerInvoices(employerId), ct)))
            .WithName("ListEmployerInvoices")
            .WithSummary("Employer invoices the caller may see, newest first.");
    }
}
