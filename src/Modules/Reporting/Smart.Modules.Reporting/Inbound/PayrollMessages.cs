using Marten;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Inbound;

/// <summary>Payroll's events, into the journal: a contract and its payslip share the salary request's stream; employer invoices (GDC) have their own.</summary>
public sealed class PayrollMessagesHandler
{
    public static async Task HandleAsync(ContractDeclared declared, IDocumentSession session, CancellationToken cancellationToken)
    {
        var activity = await session.RequiredAsync<ActivityRecorded>(declared.ActivityId, cancellationToken);
        await session.RecordAsync(declared.SalaryRequestId, new ContractRecorded(declared.ContractId, declared.SalaryRequestId, declared.EntityId, activity.OfficeId,
            declared.ActivityId, activity.Kind, declared.MemberId, declared.Kind, declared.Category, declared.Start, declared.End, declared.Days ?? 0m, declared.Hours),
            cancellationToken);
    }

    public static async Task HandleAsync(PayslipIssued issued, IDocumentSession session, CancellationToken cancellationToken)
    {
        var contract = await session.RequiredAsync<ContractRecorded>(issued.SalaryRequestId, cancellationToken);
        await session.RecordAsync(issued.SalaryRequestId, new PayslipRecorded(issued.PayslipId, issued.SalaryRequestId, contract.EntityId, issued.MemberId,
            contract.Kind, contract.Category, contract.Start, issued.PayDate, issued.Gross), cancellationToken);
    }

    public static Task HandleAsync(EmployerInvoiceIssued issued, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(issued.InvoiceId, new EmployerInvoiceRecorded(issued.InvoiceId, issued.EntityId, issued.OfficeId, issued.EmployerId, issued.IssueDate,
            issued.Total - issued.FeeVat), cancellationToken);
}
