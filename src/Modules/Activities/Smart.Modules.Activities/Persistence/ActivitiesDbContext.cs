using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Activities.Entities;
using Smart.Modules.Activities.Members;

namespace Smart.Modules.Activities.Persistence;

internal sealed class ActivitiesDbContext(DbContextOptions<ActivitiesDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "activities";

    public override string Schema => SchemaName;

    public DbSet<Member> Members => Set<Member>();

    public DbSet<EntityRules> EntityRules => Set<EntityRules>();
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        builder.HasKey(m => m.MemberId);
        builder.Property(m => m.MemberId).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.DisplayName).HasMaxLength(300);
        builder.Property(m => m.Email).HasMaxLength(254);
        builder.HasIndex(m => m.OfficeId);
    }
}

internal sealed class EntityRulesConfiguration : IEntityTypeConfiguration<EntityRules>
{
    public void Configure(EntityTypeBuilder<EntityRules> builder)
    {
        builder.ToTable("entity_rules");
        builder.HasKey(r => new { r.EntityId, r.EffectiveFrom });
        builder.Property(r => r.EntityCode).HasMaxLength(40);
        builder.Property(r => r.ContributionRate).HasPrecision(7, 6);
        builder.Property(r => r.DefaultVatRate).HasPrecision(7, 6);
    }
}
