using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Web;
using Wolverine;

namespace Smart.BuildingBlocks.Modules;

/// <summary>
/// The usual module: endpoints under <c>/api/&lt;name&gt;</c> with one OpenAPI tag, found by scanning the module's
/// assembly for <see cref="IEndpointDefinition"/>s. A module registers its own Marten store in <see cref="AddServices"/>
/// and applies its schema in <see cref="MigrateAsync"/>; it declares itself in one line:
/// <c>public sealed class PayrollModule() : Module("Payroll")</c>.
/// </summary>
public abstract class Module(string name) : IModule
{
    public string Name { get; } = name;

    /// <summary>Nothing by default: a module that stores nothing needs no services.</summary>
    public virtual void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Nothing by default: a module's handlers are found in its assembly without help.</summary>
    public virtual void ConfigureBus(WolverineOptions opts)
    {
    }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/" + Name.ToLowerInvariant()).WithTags(Name).MapEndpointDefinitions(GetType().Assembly);

    /// <summary>Nothing by default: a module with a store applies its schema here.</summary>
    public virtual Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
