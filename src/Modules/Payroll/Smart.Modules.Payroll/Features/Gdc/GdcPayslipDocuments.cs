using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Marten;
using Smart.BuildingBlocks.Documents;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Features.Payslips;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Payroll.Features.Gdc;

/// <summary>
/// The payslip of a contract-management contract, once its employer's monthly run has paid it, as a printable document:
/// it names the employer structure as its mandate recorded it, not the cooperative (ADR 0093). Seen by the employer and
/// staff, like the contract; before the run, or for anyone else, 404.
/// </summary>
public sealed record GetGdcPayslipDocument(Guid ContractId);

public sealed class GdcPayslipDocumentHandler(ICurrentUser user)
{
    public async Task<PrintableDocument> HandleAsync(GetGdcPayslipDocument query, IQuerySession session, CancellationToken cancellationToken)
    {
        var contract = await session.Query<GdcContract>().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == query.ContractId, cancellationToken);
        var run = contract?.PayrollRunId is { } runId ? await session.LoadAsync<EmployerPayrollRun>(runId, cancellationToken) : null;
        var payslip = run?.Payslips.SingleOrDefault(p => p.ContractId == query.ContractId) ?? throw new NotFoundException("Payslip", query.ContractId);
        var employee = (await session.LoadAsync<GdcEmployee>(payslip.EmployeeId, cancellationToken))!;
        // A run stored before payslips kept their lines and sheet: the lines are computed again from the tables in force on
        // the contract's start (effective-dated, so the same), the employee read from the current record (ADR 0093).
        var lines = payslip.Lines ?? (await session.GdcPayslipAsync(contract!, payslip.IncomeTaxRate ?? employee.TaxRate, cancellationToken)).Lines!;
        var sheet = payslip.Sheet ?? contract!.Sheet(null, employee);
        var print = new PayslipPrint(contract!.Id, sheet.Employer, sheet.EmployeeName, sheet.Job, sheet.Classification, sheet.SocialSecurityNumber,
            sheet.ContractKind, sheet.Days, sheet.Hours, contract.Start, contract.End, run!.RunOn, payslip.PayDate ?? contract.PayDate, null, null, payslip.Gross,
            lines.Select(l => new PayslipLineView(l.Name, l.Base, l.EmployeeRate, l.EmployeeAmount, l.EmployerRate, l.EmployerAmount)).ToList(),
            payslip.EmployeeContributions, payslip.EmployerContributions, payslip.EmployerCost ?? payslip.Gross + payslip.EmployerContributions, payslip.Net,
            payslip.IncomeTaxRate ?? employee.TaxRate, payslip.IncomeTax, payslip.NetPaid,
            payslip.NetSocial ?? PayFigures.NetSocialOf(payslip.Gross, payslip.EmployeeContributions), payslip.Sheet is not null);
        return PayslipDocument.Build(print, null);
    }
}

public static class GdcPayslipDocumentEndpoints
{
    [WolverineGet("/api/payroll/gdc-contracts/{contractId:guid}/payslip/html", OperationId = "GetGdcPayslipDocument"), ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [EndpointSummary("The payslip of a contract-management contract (once its month's run is done) as a printable HTML page naming the employer structure.")]
    public static async Task<ContentHttpResult> GetDocument(Guid contractId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Html(await bus.InvokeAsync<PrintableDocument>(new GetGdcPayslipDocument(contractId), ct));

    [WolverineGet("/api/payroll/gdc-contracts/{contractId:guid}/payslip/pdf", OperationId = "GetGdcPayslipPdf"), ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, DocumentPdf.ContentType)]
    [EndpointSummary("The payslip of a contract-management contract as an A4 PDF: the same content as its HTML page.")]
    public static async Task<FileContentHttpResult> GetPdf(Guid contractId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Pdf(await bus.InvokeAsync<PrintableDocument>(new GetGdcPayslipDocument(contractId), ct));
}
