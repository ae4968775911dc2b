using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Smart.BuildingBlocks.Modules;

/// <summary>
/// A module's single entry point: the host registers modules only through this, from its modules registry.
/// </summary>
public interface IModule
{
    /// <summary>Display name, also the OpenAPI tag and the route segment (lower-cased).</summary>
    string Name { get; }

    /// <summary>The PostgreSQL schema holding every table of the module, its outbox, inbox and migrations history.</summary>
    string Schema { get; }

    Type DbContextType { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>Brings the module's schema up to date; by default its EF Core migrations.</summary>
    Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        Persistence.DatabaseMigration.MigrateQuietlyAsync((Persistence.ModuleDbContext)scopedServices.GetRequiredService(DbContextType), cancellationToken);

    /// <summary>Realistic demo data for the local default; must be idempotent.</summary>
    Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
