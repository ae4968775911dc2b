using Marten;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting.Journal;
using Wolverine;

namespace Smart.Modules.Reporting.Inbound;

/// <summary>Payroll's events, into the journal: a contract and its payslip share the salary request's stream; employer invoices (GDC) have their own.</summary>
public sealed class PayrollMessagesHandler
{
    public static Task HandleAsync(ContractDeclared declared, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordFromAsync<ActivityRecorded>(declared.SalaryRequestId, declared.ActivityId, activity => new ContractRecorded(declared.ContractId,
            declared.SalaryRequestId, declared.EntityId, activity.OfficeId, declared.ActivityId, activity.Kind, declared.MemberId, declared.Kind, declared.Category,
            declared.Start, declared.End, declared.Days ?? 0m, declared.Hours), cancellationToken);

    /// <summary>
    /// The payslip carries its contract's figures; one published before it did waits for its contract's fact (the two
    /// messages are handled in any order).
    /// </summary>
    public static Task HandleAsync(PayslipIssued issued, IDocumentSession session, CancellationToken cancellationToken) =>
        issued.EntityId != Guid.Empty
            ? session.RecordAsync(issued.SalaryRequestId, new PayslipRecorded(issued.PayslipId, issued.SalaryRequestId, issued.EntityId, issued.MemberId, issued.Kind,
                issued.Category, issued.ContractStart, issued.PayDate, issued.Gross), cancellationToken)
            : session.RecordAfterAsync<ContractRecorded>(issued.SalaryRequestId, contract => new PayslipRecorded(issued.PayslipId, issued.SalaryRequestId,
                contract.EntityId, issued.MemberId, contract.Kind, contract.Category, contract.Start, issued.PayDate, issued.Gross), cancellationToken);

    public static Task HandleAsync(EmployerInvoiceIssued issued, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(issued.InvoiceId, new EmployerInvoiceRecorded(issued.InvoiceId, issued.EntityId, issued.OfficeId, issued.EmployerId, issued.IssueDate,
            issued.Total - issued.FeeVat, issued.Total), cancellationToken);
}

/// <summary>Payroll's work accidents and contract-management contracts, into the journal (the work-accident table reads them).</summary>
public sealed class PayrollAccidentMessagesHandler
{
    public static Task HandleAsync(WorkAccidentRecorded recorded, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(recorded.AccidentId, new WorkAccidentLogged(recorded.AccidentId, recorded.EntityId, recorded.OfficeId, recorded.Worker, recorded.Date,
            recorded.DaysLost, recorded.WithLostTime), cancellationToken);

    public static Task HandleAsync(WorkAccidentDaysLostChanged changed, Envelope envelope, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(changed.AccidentId, new WorkAccidentDaysLostRevised(envelope.Id, changed.AccidentId, changed.EntityId, changed.OfficeId, changed.Worker,
            changed.Date, changed.DaysLost, changed.WithLostTime), cancellationToken);

    public static Task HandleAsync(GdcContractDeclared declared, IDocumentSession session, CancellationToken cancellationToken) =>
        session.RecordAsync(declared.ContractId, new GdcContractRecorded(declared.ContractId, declared.EntityId, declared.OfficeId, declared.EmployeeId,
            declared.Start, declared.Hours, declared.Kind, declared.Category, declared.Days ?? 0m, declared.Gross, declared.Gender, declared.BirthDate), cancellationToken);
}
