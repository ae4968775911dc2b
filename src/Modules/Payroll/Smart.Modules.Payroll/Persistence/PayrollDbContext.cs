using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Payroll.Entities;
using Smart.Modules.Payroll.Members;

namespace Smart.Modules.Payroll.Persistence;

internal sealed class PayrollDbContext(DbContextOptions<PayrollDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "payroll";

    public override string Schema => SchemaName;

    public DbSet<Employee> Employees => Set<Employee>();

    public DbSet<PayRules> PayRules => Set<PayRules>();
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
    }
}

internal sealed class PayRulesConfiguration : IEntityTypeConfiguration<PayRules>
{
    public void Configure(EntityTypeBuilder<PayRules> builder)
    {
        builder.ToTable("pay_rules");
        builder.HasKey(r => new { r.EntityId, r.EffectiveFrom });
        builder.Property(r => r.PayoutRule).HasConversion<string>().HasMaxLength(30);
    }
}
