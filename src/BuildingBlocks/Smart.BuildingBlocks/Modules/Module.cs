using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Web;

namespace Smart.BuildingBlocks.Modules;

/// <summary>
/// The usual module: one DbContext in its own schema (registered in AddServices), endpoints under <c>/api/&lt;name&gt;</c> with one OpenAPI tag,
/// found by scanning the module's assembly for <see cref="IEndpointDefinition"/>s.
/// </summary>
public abstract class Module : IModule
{
    public abstract string Name { get; }

    public abstract string Schema { get; }

    public abstract Type DbContextType { get; }

    /// <summary>At least <c>services.AddModuleDbContext&lt;TContext&gt;(Schema)</c>.</summary>
    public abstract void AddServices(IServiceCollection services, IConfiguration configuration);

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/" + Name.ToLowerInvariant()).WithTags(Name).MapEndpointDefinitions(GetType().Assembly);

    public virtual Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        ((ModuleDbContext)scopedServices.GetRequiredService(DbContextType)).Database.MigrateAsync(cancellationToken);

    public virtual Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
