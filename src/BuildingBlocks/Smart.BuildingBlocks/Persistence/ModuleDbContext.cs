using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Smart.BuildingBlocks.Domain;

namespace Smart.BuildingBlocks.Persistence;

/// <summary>
/// Base of every module's DbContext: one schema per module, snake_case names, and aggregate versions. Outgoing
/// messages commit with the module's changes through Wolverine's outbox (schema <c>wolverine</c>).
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    public abstract string Schema { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        var assembly = GetType().Assembly;
        if (assembly.GetTypes().Any(t => ConfigurationBelongsHere(t) && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))))
        {
            modelBuilder.ApplyConfigurationsFromAssembly(assembly, ConfigurationBelongsHere);
        }

        foreach (var aggregate in modelBuilder.Model.GetEntityTypes().Where(t => typeof(AggregateRoot).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            modelBuilder.Entity(aggregate.ClrType).Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
        }

        SnakeCaseNames.Apply(modelBuilder.Model);
    }

    /// <summary>A module with several DbContexts would override this; one context per module takes all its configurations.</summary>
    protected virtual bool ConfigurationBelongsHere(Type configurationType) => true;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<AggregateRoot>().Where(e => e.State == EntityState.Modified || OwnedPartsChanged(e)).ToList())
        {
            // The new version is written with the old one in the WHERE clause: a concurrent save fails instead of being lost.
            entry.Entity.IncrementVersion();
        }
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>An aggregate whose owned parts changed (e.g. a new settings version) changed too.</summary>
    private static bool OwnedPartsChanged(EntityEntry aggregate) =>
        aggregate.State == EntityState.Unchanged && aggregate.Navigations.Any(navigation => navigation switch
        {
            CollectionEntry { Metadata: INavigation { ForeignKey.IsOwnership: true } } collection =>
                collection.CurrentValue?.Cast<object>().Any(part => aggregate.Context.Entry(part).State != EntityState.Unchanged) == true,
            ReferenceEntry { Metadata: INavigation { ForeignKey.IsOwnership: true } } reference =>
                reference.TargetEntry is { State: not EntityState.Unchanged },
            _ => false,
        });
}
