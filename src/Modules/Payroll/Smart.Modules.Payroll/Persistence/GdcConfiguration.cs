using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smart.Modules.Payroll.Domain.Accidents;
using Smart.Modules.Payroll.Domain.Cdi;
using Smart.Modules.Payroll.Domain.Figures;
using Smart.Modules.Payroll.Domain.Gdc;
using Smart.Modules.Payroll.Members;

namespace Smart.Modules.Payroll.Persistence;

internal sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> builder)
    {
        builder.ToTable("mandates");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        // One mandate per employer and civil year, also against two concurrent signatures.
        builder.HasIndex(m => new { m.EmployerId, m.Year }).IsUnique();
        builder.Property(m => m.Scope).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class GdcEmployeeConfiguration : IEntityTypeConfiguration<GdcEmployee>
{
    public void Configure(EntityTypeBuilder<GdcEmployee> builder)
    {
        builder.ToTable("gdc_employees");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => new { e.EmployerId, e.SocialSecurityNumber }).IsUnique();
        builder.Property(e => e.FirstName).HasMaxLength(100);
        builder.Property(e => e.LastName).HasMaxLength(100);
        builder.Property(e => e.Gender).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.SocialSecurityNumber).HasMaxLength(15);
        builder.Property(e => e.TaxRate).HasPrecision(7, 6);
        builder.Ignore(e => e.DisplayName);
    }
}

internal sealed class GdcContractConfiguration : IEntityTypeConfiguration<GdcContract>
{
    public void Configure(EntityTypeBuilder<GdcContract> builder)
    {
        builder.ToTable("gdc_contracts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        // The monthly run reads an employer's unpaid contracts ending in the month.
        builder.HasIndex(c => new { c.EmployerId, c.End });
        builder.HasIndex(c => c.EmployeeId);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Days).HasPrecision(6, 2);
        builder.Property(c => c.Hours).HasPrecision(8, 2);
        builder.Property(c => c.Job).HasMaxLength(200);
        builder.Property(c => c.Gross).HasPrecision(14, 2);
        builder.Property(c => c.Expenses).HasPrecision(14, 2);
        builder.Property(c => c.Advanced).HasPrecision(14, 2);
        builder.Property(c => c.DeclarationReference).HasMaxLength(30);
    }
}

internal sealed class EmployerPayrollRunConfiguration : IEntityTypeConfiguration<EmployerPayrollRun>
{
    public void Configure(EntityTypeBuilder<EmployerPayrollRun> builder)
    {
        builder.ToTable("employer_payroll_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.EmployerId, r.Year, r.Month }).IsUnique();
        builder.Property(r => r.Scope).HasConversion<string>().HasMaxLength(20);
        builder.OwnsMany(r => r.Payslips, payslips =>
        {
            payslips.ToTable("employer_payslips");
            payslips.WithOwner().HasForeignKey("PayrollRunId");
            payslips.HasKey("PayrollRunId", nameof(EmployerPayslip.ContractId));
            foreach (var money in new[] { nameof(EmployerPayslip.Gross), nameof(EmployerPayslip.EmployeeContributions), nameof(EmployerPayslip.EmployerContributions),
                         nameof(EmployerPayslip.Net), nameof(EmployerPayslip.IncomeTax), nameof(EmployerPayslip.NetPaid), nameof(EmployerPayslip.Expenses) })
            {
                payslips.Property(money).HasPrecision(14, 2);
            }
        });
        builder.Navigation(r => r.Payslips).HasField("_payslips");
    }
}

internal sealed class EmployerInvoiceConfiguration : IEntityTypeConfiguration<EmployerInvoice>
{
    public void Configure(EntityTypeBuilder<EmployerInvoice> builder)
    {
        builder.ToTable("employer_invoices");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasIndex(i => new { i.EntityId, i.Number }).IsUnique();
        builder.HasIndex(i => i.PayrollRunId).IsUnique();
        builder.HasIndex(i => i.EmployerId);
        builder.Property(i => i.Number).HasMaxLength(20);
        builder.Property(i => i.Scope).HasConversion<string>().HasMaxLength(20);
        foreach (var money in new[] { nameof(EmployerInvoice.GrossPayroll), nameof(EmployerInvoice.NetSalaries), nameof(EmployerInvoice.Expenses),
                     nameof(EmployerInvoice.EmployeeContributions), nameof(EmployerInvoice.EmployerContributions), nameof(EmployerInvoice.GuaranteeFundFee),
                     nameof(EmployerInvoice.ServiceFee), nameof(EmployerInvoice.FeeVat), nameof(EmployerInvoice.Total) })
        {
            builder.Property(money).HasPrecision(14, 2);
        }
        foreach (var rate in new[] { nameof(EmployerInvoice.GuaranteeFundRate), nameof(EmployerInvoice.ServiceRate), nameof(EmployerInvoice.VatRate) })
        {
            builder.Property(rate).HasPrecision(7, 6);
        }
        builder.Ignore(i => i.Fee);
    }
}

internal sealed class GdcFeeRatesConfiguration : IEntityTypeConfiguration<GdcFeeRates>
{
    public void Configure(EntityTypeBuilder<GdcFeeRates> builder)
    {
        builder.ToTable("gdc_fee_rates");
        builder.HasKey(r => r.EffectiveFrom);
        builder.Property(r => r.GuaranteeFundRate).HasPrecision(7, 6);
        builder.Property(r => r.ServiceRate).HasPrecision(7, 6);
        builder.Property(r => r.VatRate).HasPrecision(7, 6);
        builder.Ignore(r => r.FeeRate);
        // DESIGN.md §4: 6.5 % of the payroll mass excl. VAT (2 % guarantee fund, 4.5 % service), VAT 20 % on the fee; due in 7 days.
        builder.HasData(new GdcFeeRates(new DateOnly(2015, 1, 1), 0.02m, 0.045m, 0.20m, 7));
    }
}

internal sealed class WorkTimeSettingsConfiguration : IEntityTypeConfiguration<WorkTimeSettings>
{
    public void Configure(EntityTypeBuilder<WorkTimeSettings> builder)
    {
        builder.ToTable("work_time_settings");
        builder.HasKey(s => s.EffectiveFrom);
        builder.Property(s => s.FullTimeYearlyHours).HasPrecision(8, 2);
        builder.Property(s => s.HoursPerDay).HasPrecision(5, 2);
        // French legal full time: 1,607 hours a year; a contract day counts 7 hours (35 h a week).
        builder.HasData(new WorkTimeSettings(new DateOnly(2015, 1, 1), 1_607m, 7m));
    }
}

internal sealed class WorkAccidentConfiguration : IEntityTypeConfiguration<WorkAccident>
{
    public void Configure(EntityTypeBuilder<WorkAccident> builder)
    {
        builder.ToTable("work_accidents");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => new { a.EntityId, a.Date });
        builder.HasIndex(a => a.ContractId);
        builder.Property(a => a.Description).HasMaxLength(500);
        builder.Ignore(a => a.WithLostTime);
    }
}

internal sealed class CdiSmoothingPlanConfiguration : IEntityTypeConfiguration<CdiSmoothingPlan>
{
    public void Configure(EntityTypeBuilder<CdiSmoothingPlan> builder)
    {
        builder.ToTable("cdi_smoothing_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => p.ActivityId).IsUnique();
        builder.HasIndex(p => p.MemberId);
        builder.OwnsMany(p => p.Estimates, estimates =>
        {
            estimates.ToTable("cdi_estimates");
            estimates.WithOwner().HasForeignKey("PlanId");
            estimates.HasKey("PlanId", nameof(CdiEstimate.FromMonth));
            estimates.Property(e => e.YearlyRevenue).HasPrecision(14, 2);
            estimates.Property(e => e.ContributionRate).HasPrecision(7, 6);
            estimates.Ignore(e => e.MonthlyBudget);
        });
        builder.Navigation(p => p.Estimates).HasField("_estimates");
        builder.OwnsMany(p => p.Months, months =>
        {
            months.ToTable("cdi_months");
            months.WithOwner().HasForeignKey("PlanId");
            months.HasKey("PlanId", nameof(CdiMonth.Month));
            foreach (var money in new[] { nameof(CdiMonth.EmploymentBudget), nameof(CdiMonth.Gross), nameof(CdiMonth.EmployeeContributions),
                         nameof(CdiMonth.EmployerContributions), nameof(CdiMonth.EmployerCost), nameof(CdiMonth.Net), nameof(CdiMonth.IncomeTax), nameof(CdiMonth.NetPaid) })
            {
                months.Property(money).HasPrecision(14, 2);
            }
        });
        builder.Navigation(p => p.Months).HasField("_months");
    }
}

internal sealed class MemberActivityConfiguration : IEntityTypeConfiguration<MemberActivity>
{
    public void Configure(EntityTypeBuilder<MemberActivity> builder)
    {
        builder.ToTable("member_activities");
        builder.HasKey(a => a.ActivityId);
        builder.Property(a => a.ActivityId).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(200);
    }
}
