using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Schema;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Payroll.Domain.Accidents;
using Smart.Modules.Payroll.Domain.Cdi;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Figures;
using Smart.Modules.Payroll.Domain.Funding;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.PayRulesCopy;

namespace Smart.Modules.Payroll.Persistence;

/// <summary>
/// Payroll's own Marten store (schema <c>payroll</c>): employees, contracts, payslips, rate tables, contract management
/// and CDI plans as documents; each activity's guarantee-fund account as an event stream.
/// </summary>
public interface IPayrollStore : IDocumentStore;

/// <summary>How Payroll is stored: all the Marten configuration of the module, kept out of the domain.</summary>
internal static class PayrollStore
{
    public const string Schema = "payroll";

    private static readonly Type[] Aggregates =
    [
        typeof(Employee), typeof(MemberActivity), typeof(PayRules), typeof(EntityIdentity), typeof(ContributionTable), typeof(ContributionLine), typeof(SocialSecurityCeiling),
        typeof(MinimumWage), typeof(WorkingTimeLimits), typeof(GdcFeeRates), typeof(WorkTimeSettings), typeof(PayrollConfiguration),
        typeof(EmploymentContract), typeof(EmploymentDeclaration), typeof(Payslip), typeof(PayslipLine), typeof(ClientInvoice), typeof(ActivityFunding),
        typeof(Mandate), typeof(GdcEmployee), typeof(GdcContract), typeof(EmployerPayrollRun), typeof(EmployerInvoice), typeof(WorkAccident),
        typeof(CdiSmoothingPlan),
    ];

    public static void AddPayrollStore(this IServiceCollection services) =>
        services.AddModuleStore<IPayrollStore>(Schema, Aggregates, m =>
        {
            m.Storage.ExtendedSchemaObjects.Add(LegalNumbering.Table(Schema));

            // Copies of other modules' data, keyed as there: a redelivered message finds its copy and does nothing.
            m.Schema.For<Employee>().Identity(e => e.MemberId).Index(e => e.EntityId);
            m.Schema.For<MemberActivity>().Identity(a => a.ActivityId);
            m.Schema.For<PayRules>().Index(r => r.EntityId);
            m.Schema.For<EntityIdentity>().Index(r => r.EntityId);

            // The platform-wide reference figures: one document, read whole.
            m.RegisterDocumentType<PayrollConfiguration>();
            m.Schema.For<ContributionTable>()
                .UniqueIndex(UniqueIndexType.Computed, "contribution_tables_version", t => t.EntityId!, t => t.Category, t => t.EffectiveFrom);

            // One contract per salary request, whatever the redeliveries.
            m.Schema.For<EmploymentContract>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(c => c.Version))
                .UniqueIndex(UniqueIndexType.Computed, "contracts_salary_request", c => c.SalaryRequestId)
                .Index(c => c.MemberId).Index(c => c.ActivityId).Index(c => c.EntityId);
            // A contract is declared once; a reference is unique in its entity's series.
            m.Schema.For<EmploymentDeclaration>().Identity(d => d.ContractId)
                .UniqueIndex(UniqueIndexType.Computed, "declarations_reference", d => d.EntityId, d => d.Reference);
            m.Schema.For<Payslip>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(p => p.Version))
                .UniqueIndex(UniqueIndexType.Computed, "payslips_contract", p => p.ContractId)
                .Index(p => p.MemberId).Index(p => p.ActivityId)
                // The pay run reads the issued payslips due on a date.
                .Index([p => p.Status, p => p.PayDate]);
            m.Schema.For<ClientInvoice>().Identity(i => i.InvoiceId).Index(i => i.ActivityId);

            // Contract management: one mandate per employer and civil year, also against two concurrent signatures.
            m.Schema.For<Mandate>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(o => o.Version))
                .UniqueIndex(UniqueIndexType.Computed, "mandates_employer_year", o => o.EmployerId, o => o.Year);
            m.Schema.For<GdcEmployee>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(o => o.Version))
                .UniqueIndex(UniqueIndexType.Computed, "gdc_employees_nir", o => o.EmployerId, o => o.SocialSecurityNumber);
            // The monthly run reads an employer's unpaid contracts ending in the month.
            m.Schema.For<GdcContract>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(o => o.Version))
                .Index([c => c.EmployerId, c => c.End]).Index(c => c.EmployeeId).Index(c => c.EntityId);
            m.Schema.For<EmployerPayrollRun>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(o => o.Version))
                .UniqueIndex(UniqueIndexType.Computed, "employer_runs_month", r => r.EmployerId, r => r.Year, r => r.Month);
            m.Schema.For<EmployerInvoice>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(o => o.Version))
                .UniqueIndex(UniqueIndexType.Computed, "employer_invoices_number", i => i.EntityId, i => i.Number)
                .UniqueIndex(UniqueIndexType.Computed, "employer_invoices_run", i => i.PayrollRunId)
                .Index(i => i.EmployerId);

            m.Schema.For<WorkAccident>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(o => o.Version))
                .Index([a => a.EntityId, a => a.Date]).Index(a => a.ContractId);
            m.Schema.For<CdiSmoothingPlan>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(o => o.Version))
                .UniqueIndex(UniqueIndexType.Computed, "cdi_plans_activity", p => p.ActivityId).Index(p => p.MemberId);

            // The guarantee fund: an account per activity, its stream id the activity's id (ADR 0061).
            m.Events.StreamIdentity = StreamIdentity.AsGuid;
            m.Events.AddEventTypes([typeof(SalaryFunded), typeof(ClientMoneyReceived), typeof(AdvancesWrittenOff)]);
            m.Projections.Add(new GuaranteeFundAccountProjection(), ProjectionLifecycle.Inline);
        });

    /// <summary>The account as its events add up, saved with them (inline): a read is one document.</summary>
    private sealed class GuaranteeFundAccountProjection : SingleStreamProjection<ActivityFunding, Guid>
    {
        public override ActivityFunding Evolve(ActivityFunding? snapshot, Guid id, IEvent e)
        {
            var account = snapshot ?? ActivityFunding.Open(id);
            account.Absorb((IGuaranteeFundEvent)e.Data);
            return account;
        }
    }
}
