using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Web;

namespace Smart.BuildingBlocks.Modules;

/// <summary>
/// The usual module: one DbContext in its own schema, its EF Core migrations, endpoints under
/// <c>/api/&lt;name&gt;</c> with one OpenAPI tag, found by scanning the module's assembly for
/// <see cref="IEndpointDefinition"/>s. A module declares itself in one line:
/// <c>public sealed class PayrollModule() : Module("Payroll", PayrollDbContext.SchemaName, typeof(PayrollDbContext));</c>
/// </summary>
public abstract class Module(string name, string schema, Type dbContextType) : IModule
{
    public string Name { get; } = name;

    public string Schema { get; } = schema;

    public Type DbContextType { get; } = typeof(ModuleDbContext).IsAssignableFrom(dbContextType)
        ? dbContextType
        : throw new ArgumentException($"{dbContextType} is not a ModuleDbContext.", nameof(dbContextType));

    public virtual void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext(DbContextType, Schema);

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/" + Name.ToLowerInvariant()).WithTags(Name).MapEndpointDefinitions(GetType().Assembly);

    public virtual Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        ((ModuleDbContext)scopedServices.GetRequiredService(DbContextType)).MigrateQuietlyAsync(cancellationToken);

    public virtual Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
