using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Smart.BuildingBlocks.Modules;

/// <summary>
/// A module's single entry point: the host registers modules only through this, from its modules registry. The bus
/// finds the module's handlers in the assembly of the class implementing it.
/// </summary>
public interface IModule
{
    /// <summary>Display name, also the OpenAPI tag and the route segment (lower-cased).</summary>
    string Name { get; }

    /// <summary>The module's own store and services.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>The module's part of the bus configuration (e.g. which store its handlers' sessions come from).</summary>
    void ConfigureBus(WolverineOptions opts);

    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>Brings the module's schema up to date.</summary>
    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Realistic demo data for the local default; must be idempotent. Runs once the bus has started.</summary>
    Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken);
}
