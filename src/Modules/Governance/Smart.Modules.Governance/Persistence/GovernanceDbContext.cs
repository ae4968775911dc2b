using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Offices;

namespace Smart.Modules.Governance.Persistence;

public sealed class GovernanceDbContext(DbContextOptions<GovernanceDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "governance";

    public override string Schema => SchemaName;

    internal DbSet<CooperativeEntity> Entities => Set<CooperativeEntity>();

    internal DbSet<Office> Offices => Set<Office>();

    internal DbSet<Member> Members => Set<Member>();
}

internal sealed class CooperativeEntityConfiguration : IEntityTypeConfiguration<CooperativeEntity>
{
    public void Configure(EntityTypeBuilder<CooperativeEntity> builder)
    {
        builder.ToTable("entities");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Code).HasMaxLength(40);
        builder.HasIndex(e => e.Code).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Country).HasMaxLength(2).IsFixedLength();
        builder.Ignore(e => e.Settings);
        builder.OwnsMany<EntitySettingsVersion>("_settings", settings =>
        {
            settings.ToTable("entity_settings");
            settings.WithOwner().HasForeignKey("EntityId");
            settings.HasKey("EntityId", nameof(EntitySettingsVersion.EffectiveFrom));
            settings.Property(s => s.ContributionRate).HasPrecision(7, 6);
            settings.Property(s => s.DefaultVatRate).HasPrecision(7, 6);
            settings.Property(s => s.PayoutRuleKind).HasConversion<string>().HasMaxLength(30);
            settings.Property(s => s.TrainingVatExemptionMention).HasMaxLength(EntitySettingsVersion.MaxMentionLength);
            settings.Ignore(s => s.PayoutRule);
        });
        builder.Navigation("_settings").AutoInclude();
    }
}

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.ToTable("offices");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(100);
        builder.HasIndex(o => new { o.EntityId, o.Name }).IsUnique();
        builder.HasOne<CooperativeEntity>().WithMany().HasForeignKey(o => o.EntityId);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.FirstName).HasMaxLength(100);
        builder.Property(m => m.LastName).HasMaxLength(100);
        builder.Property(m => m.LegalName).HasMaxLength(200);
        builder.Property(m => m.LegalForm).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Email).HasMaxLength(254);
        builder.Property(m => m.Gender).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(m => m.DisplayName);
        builder.HasIndex(m => new { m.EntityId, m.Email }).IsUnique();
        builder.HasIndex(m => m.OfficeId);
        builder.HasOne<CooperativeEntity>().WithMany().HasForeignKey(m => m.EntityId);
        builder.HasOne<Office>().WithMany().HasForeignKey(m => m.OfficeId);
    }
}
