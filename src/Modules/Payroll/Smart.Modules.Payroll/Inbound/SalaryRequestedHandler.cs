using Smart.BuildingBlocks.Bus;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Features.PayRuns;
using Smart.Modules.Payroll.Features.Rates;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.PayRulesCopy;

namespace Smart.Modules.Payroll.Inbound;

/// <summary>
/// Salary requests from Activities, in batches (ADR 0130): each request's contract is concluded (declared today, through
/// the declaration port), its payslip computed, its pay run scheduled on the pay date, and <see cref="PayslipIssued"/>
/// answered; or, when a rule is broken, <see cref="SalaryRequestRejected"/> answered with the rule's message and nothing
/// stored. A request that already has a contract is ignored, so the same request delivered twice (even under a new
/// message id) makes one contract. A request of a member Payroll does not know goes back alone (<see cref="BatchStragglers{T}"/>):
/// it retries, then dead-letters for an operator.
/// </summary>
public sealed class SalaryRequestedHandler(TimeProvider clock)
{
    /// <summary>What happened, for Wolverine to send with the transaction: the rejections, or the contracts, their payslips and pay runs.</summary>
    public async Task<OutgoingMessages> HandleAsync(SalaryRequested[] requests, IDocumentSession session, IMessageContext context, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var stragglers = new BatchStragglers<SalaryRequested>(requests, context);
        var reads = await ReadAsync(session, requests, cancellationToken);
        var concluded = new List<(EmploymentContract Contract, Payslip Payslip)>();
        foreach (var request in requests.DistinctBy(r => r.SalaryRequestId).Where(r => !reads.Concluded.Contains(r.SalaryRequestId)))
        {
            if (reads.Employees.GetValueOrDefault(request.MemberId) is not { } employee)
            {
                stragglers.Add(request, new NotFoundException("Employee", request.MemberId));
                continue;
            }
            try
            {
                concluded.Add(Conclude(request, employee, reads));
            }
            catch (BusinessRuleViolationException broken)
            {
                outgoing.Add(new SalaryRequestRejected(request.SalaryRequestId, request.ActivityId, broken.Message));
            }
        }

        var references = await session.DeclareAsync(concluded.Select(c => c.Contract.DeclarationRequest).ToList(), clock, cancellationToken);
        foreach (var ((contract, payslip), reference) in concluded.Zip(references))
        {
            contract.Declared(reference);
            session.Insert(contract);
            session.Insert(payslip);
            outgoing.Add(contract.ToContractDeclared(payslip.Gross));
            outgoing.Add(payslip.ToPayslipIssued(contract));
        }
        // One pay run per entity and pay date is enough: it pays every payslip due then.
        foreach (var (entityId, payDate) in concluded.Select(c => (c.Payslip.EntityId, c.Payslip.PayDate)).Distinct())
        {
            outgoing.Add(new RunPayroll(entityId, payDate).ScheduledOn(RunPayroll.At(payDate), clock));
        }
        await stragglers.SendBackAsync();
        return outgoing;
    }

    /// <summary>Everything the requests are decided on, read in one round trip: those concluded already, the employees, the rates and rules in force.</summary>
    private sealed record SalaryReads(IReadOnlySet<Guid> Concluded, Dictionary<Guid, Employee> Employees, PayrollConfiguration Configuration,
        Dictionary<(Guid, ContractCategory, DateOnly), IReadOnlyList<ContributionTable>> Tables, Dictionary<(Guid, DateOnly), IReadOnlyList<PayRules>> PayRules,
        Dictionary<Guid, PayslipEmployer?> Employers);

    private async Task<SalaryReads> ReadAsync(IDocumentSession session, IReadOnlyCollection<SalaryRequested> requests, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var batch = session.CreateBatchQuery();
        var requestIds = requests.Select(r => r.SalaryRequestId).Distinct().ToArray();
        var concluded = batch.Query<EmploymentContract>().Where(c => requestIds.Contains(c.SalaryRequestId)).Select(c => c.SalaryRequestId).ToList();
        var employees = batch.LoadMany<Employee>().ById(requests.Select(r => r.MemberId).Distinct().ToArray());
        var configuration = batch.Load<PayrollConfiguration>(PayrollConfiguration.DocumentId);
        // An unknown category reads no table: it is rejected when the contract is concluded, like any broken rule.
        var tables = requests.Where(r => Known(r.Category) is not null).Select(r => (r.EntityId, Known(r.Category)!.Value, r.WorkStart)).Distinct()
            .ToDictionary(key => key, key => batch.ContributionTables(key.EntityId, key.Item2, key.WorkStart));
        var payRules = requests.Select(r => (r.EntityId, r.WorkEnd)).Distinct().ToDictionary(key => key, key => batch.PayRulesVersions(key.EntityId, key.WorkEnd));
        var employers = requests.Select(r => r.EntityId).Distinct().ToDictionary(id => id, id => batch.EmployerIdentity(id, today));
        await batch.Execute(cancellationToken);
        return new SalaryReads((await concluded).ToHashSet(), (await employees).ToDictionary(e => e.MemberId), RatesInForce.Installed(await configuration),
            await Resolved(tables), await Resolved(payRules), await Resolved(employers));
    }

    private static async Task<Dictionary<TKey, TValue>> Resolved<TKey, TValue>(Dictionary<TKey, Task<TValue>> reads) where TKey : notnull
    {
        var resolved = new Dictionary<TKey, TValue>();
        foreach (var (key, read) in reads) resolved[key] = await read;
        return resolved;
    }

    private (EmploymentContract, Payslip) Conclude(SalaryRequested request, Employee employee, SalaryReads reads)
    {
        var today = clock.Today();
        var terms = new ContractTerms(KindOf(request.ContractKind), CategoryOf(request.Category),
            request.WorkStart, request.WorkEnd, request.Days, request.Hours, request.Job);
        var configuration = reads.Configuration;
        var limits = configuration.WorkingTimeLimitsOn(terms.Start);
        EmploymentContract.CheckTerms(terms, today, limits);

        var table = RatesInForce.ContributionTableOf(reads.Tables[(request.EntityId, terms.Category, terms.Start)], terms.Category, terms.Start);
        var ceiling = configuration.CeilingOn(terms.Start).ForPeriod(terms.Start, terms.End, terms.Days, terms.TotalHours(limits));
        var payDate = RatesInForce.PayRulesOf(reads.PayRules[(request.EntityId, request.WorkEnd)], terms.End).PayDateFor(terms.End);
        var figures = PayFigures.Compute(request.EmploymentBudget, CappedLine.For(table, ceiling), employee.IncomeTaxRateOn(payDate));

        var contract = EmploymentContract.Conclude(request.SalaryRequestId, request.ActivityId, request.EntityId, employee.OfficeId, request.MemberId,
            request.EmploymentBudget, terms, today, limits, figures.Gross, configuration.MinimumWageOn(terms.Start));
        // The payslip keeps what its document prints: the entity's identity in force on its issue date, the employee's file then (ADR 0093).
        return (contract, Payslip.Issue(contract, figures, table.Name, ceiling, today, payDate, contract.Sheet(reads.Employers[request.EntityId], employee.DisplayName, employee.Classification, employee.SocialSecurityNumber)));
    }

    /// <summary>Activities' words for the contract, in Payroll's; a value this version does not know is a rule conflict, so the request is rejected with it.</summary>
    private static ContractKind KindOf(SalaryContractKind kind) => kind switch
    {
        SalaryContractKind.Cdd => ContractKind.Cdd,
        SalaryContractKind.Cddu => ContractKind.Cddu,
        SalaryContractKind.Cdi => ContractKind.Cdi,
        _ => throw new BusinessRuleViolationException(new KnownValue("contract kind", kind.ToString())),
    };

    private static ContractCategory CategoryOf(SalaryCategory category) =>
        Known(category) ?? throw new BusinessRuleViolationException(new KnownValue("category", category.ToString()));

    private static ContractCategory? Known(SalaryCategory category) => category switch
    {
        SalaryCategory.Artistic => ContractCategory.Artistic,
        SalaryCategory.Employee => ContractCategory.Employee,
        SalaryCategory.Student => ContractCategory.Student,
        _ => null,
    };

    private sealed record KnownValue(string What, string Value) : IBusinessRule
    {
        public bool IsBroken() => true;

        public string Message => $"Unknown {What} '{Value}'.";
    }
}
