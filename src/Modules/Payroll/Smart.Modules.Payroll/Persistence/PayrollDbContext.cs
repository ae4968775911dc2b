using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Payroll.Domain.Accidents;
using Smart.Modules.Payroll.Domain.Cdi;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Figures;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Domain.Funding;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.PayRulesCopy;
using Smart.Modules.Payroll.Members;

namespace Smart.Modules.Payroll.Persistence;

public sealed class PayrollDbContext(DbContextOptions<PayrollDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "payroll";

    public override string Schema => SchemaName;

    internal DbSet<Employee> Employees => Set<Employee>();

    internal DbSet<PayRules> PayRules => Set<PayRules>();

    internal DbSet<ContributionTable> ContributionTables => Set<ContributionTable>();

    internal DbSet<SocialSecurityCeiling> SocialSecurityCeilings => Set<SocialSecurityCeiling>();

    internal DbSet<MinimumWage> MinimumWages => Set<MinimumWage>();

    internal DbSet<WorkingTimeLimits> WorkingTimeLimits => Set<WorkingTimeLimits>();

    internal DbSet<EmploymentContract> Contracts => Set<EmploymentContract>();

    internal DbSet<EmploymentDeclaration> Declarations => Set<EmploymentDeclaration>();

    internal DbSet<Payslip> Payslips => Set<Payslip>();

    internal DbSet<ClientInvoice> ClientInvoices => Set<ClientInvoice>();

    internal DbSet<ActivityFunding> ActivityFundings => Set<ActivityFunding>();

    internal DbSet<MemberActivity> MemberActivities => Set<MemberActivity>();

    internal DbSet<Mandate> Mandates => Set<Mandate>();

    internal DbSet<GdcEmployee> GdcEmployees => Set<GdcEmployee>();

    internal DbSet<GdcContract> GdcContracts => Set<GdcContract>();

    internal DbSet<EmployerPayrollRun> EmployerPayrollRuns => Set<EmployerPayrollRun>();

    internal DbSet<EmployerInvoice> EmployerInvoices => Set<EmployerInvoice>();


    internal DbSet<GdcFeeRates> GdcFeeRates => Set<GdcFeeRates>();

    internal DbSet<WorkTimeSettings> WorkTimeSettings => Set<WorkTimeSettings>();

    internal DbSet<WorkAccident> WorkAccidents => Set<WorkAccident>();

    internal DbSet<CdiSmoothingPlan> CdiSmoothingPlans => Set<CdiSmoothingPlan>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> builder)
    {
        builder.ToTable("employees");
        builder.HasKey(e => e.MemberId);
        builder.Property(e => e.MemberId).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.DisplayName).HasMaxLength(300);
        builder.Property(e => e.Gender).HasConversion<string>().HasMaxLength(20);
        builder.OwnsMany(e => e.IncomeTaxRates, rates =>
        {
            rates.ToTable("income_tax_rates");
            rates.WithOwner().HasForeignKey("MemberId");
            rates.HasKey("MemberId", nameof(IncomeTaxRate.EffectiveFrom));
            rates.Property(r => r.Rate).HasPrecision(7, 6);
        });
        builder.Navigation(e => e.IncomeTaxRates).HasField("_incomeTaxRates");
    }
}

internal sealed class PayRulesConfiguration : IEntityTypeConfiguration<PayRules>
{
    public void Configure(EntityTypeBuilder<PayRules> builder)
    {
        builder.ToTable("pay_rules");
        builder.HasKey(r => new { r.EntityId, r.EffectiveFrom });
        builder.Property(r => r.PayoutRule).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.ContributionRate).HasPrecision(7, 6);
    }
}

internal sealed class EmploymentContractConfiguration : IEntityTypeConfiguration<EmploymentContract>
{
    public void Configure(EntityTypeBuilder<EmploymentContract> builder)
    {
        builder.ToTable("contracts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        // One contract per salary request, whatever the redeliveries.
        builder.HasIndex(c => c.SalaryRequestId).IsUnique();
        builder.HasIndex(c => c.MemberId);
        builder.HasIndex(c => c.ActivityId);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.WorkingTime).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Days).HasPrecision(6, 2);
        builder.Property(c => c.Hours).HasPrecision(8, 2);
        builder.Property(c => c.Job).HasMaxLength(200);
        builder.Property(c => c.EmploymentBudget).HasPrecision(14, 2);
        builder.Property(c => c.DeclarationReference).HasMaxLength(30);
    }
}

internal sealed class EmploymentDeclarationConfiguration : IEntityTypeConfiguration<EmploymentDeclaration>
{
    public void Configure(EntityTypeBuilder<EmploymentDeclaration> builder)
    {
        builder.ToTable("declarations");
        // A contract is declared once; a reference is unique in its entity's series.
        builder.HasKey(d => d.ContractId);
        builder.Property(d => d.Reference).HasMaxLength(30);
        builder.HasIndex(d => new { d.EntityId, d.Reference }).IsUnique();
    }
}

internal sealed class PayslipConfiguration : IEntityTypeConfiguration<Payslip>
{
    public void Configure(EntityTypeBuilder<Payslip> builder)
    {
        builder.ToTable("payslips");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => p.ContractId).IsUnique();
        builder.HasIndex(p => p.MemberId);
        // The pay run reads the issued payslips due on a date.
        builder.HasIndex(p => new { p.Status, p.PayDate });
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.ContributionTable).HasMaxLength(200);
        foreach (var money in new[] { nameof(Payslip.PeriodCeiling), nameof(Payslip.EmploymentBudget), nameof(Payslip.Gross), nameof(Payslip.EmployeeContributions),
                     nameof(Payslip.EmployerContributions), nameof(Payslip.EmployerCost), nameof(Payslip.Net), nameof(Payslip.IncomeTax), nameof(Payslip.NetPaid),
                     nameof(Payslip.GuaranteeFundAdvance) })
        {
            builder.Property(money).HasPrecision(14, 2);
        }
        builder.Property(p => p.IncomeTaxRate).HasPrecision(7, 6);
        builder.OwnsMany(p => p.Lines, lines =>
        {
            lines.ToTable("payslip_lines");
            lines.WithOwner().HasForeignKey("PayslipId");
            lines.HasKey("PayslipId", nameof(PayslipLine.Position));
            lines.Property(l => l.Name).HasMaxLength(200);
            lines.Property(l => l.Base).HasPrecision(14, 2);
            lines.Property(l => l.EmployeeAmount).HasPrecision(14, 2);
            lines.Property(l => l.EmployerAmount).HasPrecision(14, 2);
            lines.Property(l => l.EmployeeRate).HasPrecision(7, 6);
            lines.Property(l => l.EmployerRate).HasPrecision(7, 6);
        });
        builder.Navigation(p => p.Lines).HasField("_lines");
    }
}

internal sealed class ClientInvoiceConfiguration : IEntityTypeConfiguration<ClientInvoice>
{
    public void Configure(EntityTypeBuilder<ClientInvoice> builder)
    {
        builder.ToTable("client_invoices");
        builder.HasKey(i => i.InvoiceId);
        builder.Property(i => i.InvoiceId).ValueGeneratedNever();
        builder.HasIndex(i => i.ActivityId);
        builder.Property(i => i.Gross).HasPrecision(14, 2);
        builder.Property(i => i.SalaryShare).HasPrecision(14, 2);
        builder.Property(i => i.Paid).HasPrecision(14, 2);
        builder.Property(i => i.SalaryShareReceived).HasPrecision(14, 2);
        builder.Property(i => i.Net).HasPrecision(14, 2);
    }
}

internal sealed class ActivityFundingConfiguration : IEntityTypeConfiguration<ActivityFunding>
{
    public void Configure(EntityTypeBuilder<ActivityFunding> builder)
    {
        builder.ToTable("guarantee_fund_accounts");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasColumnName("activity_id").ValueGeneratedNever();
        builder.Property(f => f.ClientMoneyReceived).HasPrecision(14, 2);
        builder.Property(f => f.ClientMoneyUsed).HasPrecision(14, 2);
        builder.Property(f => f.AdvancesOutstanding).HasPrecision(14, 2);
        builder.Property(f => f.AdvancedTotal).HasPrecision(14, 2);
        builder.Property(f => f.RecoveredTotal).HasPrecision(14, 2);
    }
}
