using Marten;
using Smart.BuildingBlocks.Bus;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting.Journal;
using Wolverine;

namespace Smart.Modules.Reporting.Inbound;

/// <summary>Payroll's events, into the journal: a contract and its payslip share the salary request's stream; employer invoices (GDC) have their own.</summary>
public sealed class PayrollMessagesHandler
{
    /// <summary>
    /// Contracts come in batches (ADR 0130): their streams locked and read with their activities' in one round trip. A
    /// contract whose activity is not recorded yet goes back alone (<see cref="BatchStragglers{T}"/>) and waits for it.
    /// </summary>
    public static async Task HandleAsync(ContractDeclared[] contracts, IDocumentSession session, IMessageContext context, CancellationToken cancellationToken)
    {
        var stragglers = new BatchStragglers<ContractDeclared>(contracts, context);
        var facts = await session.FactsForWritingAsync(contracts.Select(c => c.SalaryRequestId).ToHashSet(), contracts.Select(c => c.ActivityId).ToHashSet(),
            cancellationToken);
        // One append per stream, whatever the batch holds for it (a redelivery too: the journal records a fact once).
        foreach (var stream in contracts.GroupBy(c => c.SalaryRequestId))
        {
            var news = new List<IFact>();
            foreach (var declared in stream)
            {
                try
                {
                    var activity = JournalStreams.Required<ActivityRecorded>(facts[declared.ActivityId], declared.ActivityId);
                    news.Add(new ContractRecorded(declared.ContractId, declared.SalaryRequestId, declared.EntityId, activity.OfficeId, declared.ActivityId,
                        activity.Kind, declared.MemberId, declared.Kind, declared.Category, declared.Start, declared.End, declared.Days ?? 0m, declared.Hours));
                }
                catch (NotRecordedYet missing)
                {
                    stragglers.Add(declared, missing);
                }
            }
            session.Record(stream.Key, facts[stream.Key], [.. news]);
        }
        await stragglers.SendBackAsync();
    }

    /// <summary>
    /// Payslips come in batches (ADR 0130). A payslip carries its contract's figures; one published before it did waits for
    /// its contract's fact (the two messages are handled in any order): it goes back alone until the contract is recorded.
    /// </summary>
    public static async Task HandleAsync(PayslipIssued[] payslips, IDocumentSession session, IMessageContext context, CancellationToken cancellationToken)
    {
        var stragglers = new BatchStragglers<PayslipIssued>(payslips, context);
        var read = await session.FactsForWritingAsync(payslips.Select(p => p.SalaryRequestId).ToHashSet(), cancellationToken);
        foreach (var stream in payslips.GroupBy(p => p.SalaryRequestId))
        {
            var facts = read[stream.Key];
            var news = new List<IFact>();
            foreach (var issued in stream)
            {
                if (issued.EntityId != Guid.Empty)
                {
                    news.Add(new PayslipRecorded(issued.PayslipId, issued.SalaryRequestId, issued.EntityId, issued.MemberId, issued.Kind, issued.Category,
                        issued.ContractStart, issued.PayDate, issued.Gross));
                    continue;
                }
                try
                {
                    var contract = JournalStreams.Required<ContractRecorded>(facts, issued.SalaryRequestId);
                    news.Add(new PayslipRecorded(issued.PayslipId, issued.SalaryRequestId, contract.EntityId, issued.MemberId, contract.Kind, contract.Category,
                        contract.Start, issued.PayDate, issued.Gross));
                }
                catch (NotRecordedYet missing)
                {
                    stragglers.Add(issued, missing);
                }
            }
            session.Record(stream.Key, facts, [.. news]);
        }
        await stragglers.SendBackAsync();
    }

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
