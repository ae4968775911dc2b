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
/// A salary request from Activities: conclude the contract (declared today, through the declaration port), compute its
/// payslip, schedule the pay run on the pay date, and answer <see cref="PayslipIssued"/>; or, when a rule is broken,
/// answer <see cref="SalaryRequestRejected"/> with the rule's message and store nothing. A request that already has a
/// contract is ignored, so the same request delivered twice (even under a new message id) makes one contract.
/// An unknown member throws: the message retries, then dead-letters for an operator.
/// </summary>
public sealed class SalaryRequestedHandler(TimeProvider clock)
{
    /// <summary>What happened, for Wolverine to send with the transaction: the rejection, or the contract, its payslip and the pay run.</summary>
    public async Task<OutgoingMessages> HandleAsync(SalaryRequested request, IDocumentSession session, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var reads = await ReadAsync(session, request, cancellationToken);
        if (reads.Concluded) return outgoing;
        var employee = reads.Employee ?? throw new NotFoundException("Employee", request.MemberId);

        EmploymentContract contract;
        Payslip payslip;
        try
        {
            (contract, payslip) = Conclude(request, employee, reads);
        }
        catch (BusinessRuleViolationException broken)
        {
            outgoing.Add(new SalaryRequestRejected(request.SalaryRequestId, request.ActivityId, broken.Message));
            return outgoing;
        }

        contract.Declared(await session.DeclareAsync(contract.DeclarationRequest, clock, cancellationToken));
        session.Insert(contract);
        session.Insert(payslip);
        outgoing.Add(contract.ToContractDeclared(payslip.Gross));
        outgoing.Add(payslip.ToPayslipIssued(contract));
        outgoing.Add(new RunPayroll(payslip.EntityId, payslip.PayDate).ScheduledOn(RunPayroll.At(payslip.PayDate), clock));
        return outgoing;
    }

    /// <summary>Everything the request is decided on, in one round trip: whether it was concluded already, the employee, the rates and rules in force.</summary>
    private sealed record SalaryReads(bool Concluded, Employee? Employee, PayrollConfiguration Configuration, IReadOnlyList<ContributionTable> Tables,
        IReadOnlyList<PayRules> PayRules, PayslipEmployer? Employer);

    private async Task<SalaryReads> ReadAsync(IDocumentSession session, SalaryRequested request, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var concluded = batch.Query<EmploymentContract>().Any(c => c.SalaryRequestId == request.SalaryRequestId);
        var employee = batch.Load<Employee>(request.MemberId);
        var configuration = batch.Load<PayrollConfiguration>(PayrollConfiguration.DocumentId);
        // An unknown category reads no table: it is rejected when the contract is concluded, like any broken rule.
        var tables = Known(request.Category) is { } category ? batch.ContributionTables(request.EntityId, category, request.WorkStart)
            : Task.FromResult<IReadOnlyList<ContributionTable>>([]);
        var payRules = batch.PayRulesVersions(request.EntityId, request.WorkEnd);
        var employer = batch.EmployerIdentity(request.EntityId, clock.Today());
        await batch.Execute(cancellationToken);
        return new SalaryReads(await concluded, await employee, RatesInForce.Installed(await configuration), await tables, await payRules, await employer);
    }

    private (EmploymentContract, Payslip) Conclude(SalaryRequested request, Employee employee, SalaryReads reads)
    {
        var today = clock.Today();
        var terms = new ContractTerms(KindOf(request.ContractKind), CategoryOf(request.Category),
            request.WorkStart, request.WorkEnd, request.Days, request.Hours, request.Job);
        var configuration = reads.Configuration;
        var limits = configuration.WorkingTimeLimitsOn(terms.Start);
        EmploymentContract.CheckTerms(terms, today, limits);

        var table = RatesInForce.ContributionTableOf(reads.Tables, terms.Category, terms.Start);
        var ceiling = configuration.CeilingOn(terms.Start).ForPeriod(terms.Start, terms.End, terms.Days, terms.TotalHours(limits));
        var payDate = RatesInForce.PayRulesOf(reads.PayRules, terms.End).PayDateFor(terms.End);
        var figures = PayFigures.Compute(request.EmploymentBudget, CappedLine.For(table, ceiling), employee.IncomeTaxRateOn(payDate));

        var contract = EmploymentContract.Conclude(request.SalaryRequestId, request.ActivityId, request.EntityId, employee.OfficeId, request.MemberId,
            request.EmploymentBudget, terms, today, limits, figures.Gross, configuration.MinimumWageOn(terms.Start));
        // The payslip keeps what its document prints: the entity's identity in force on its issue date, the employee's file then (ADR 0093).
        return (contract, Payslip.Issue(contract, figures, table.Name, ceiling, today, payDate, contract.Sheet(reads.Employer, employee.DisplayName, employee.Classification, employee.SocialSecurityNumber)));
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
