using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Web;
using Wolverine;

namespace Smart.BuildingBlocks.Modules;

/// <summary>
/// The usual module: endpoints under <c>/api/&lt;name&gt;</c> with one OpenAPI tag, found by scanning the module's
/// assembly for <see cref="IEndpointDefinition"/>s; optionally one DbContext in its own schema with its EF Core
/// migrations. A module declares itself in one line:
/// <c>public sealed class PayrollModule() : Module("Payroll", PayrollDbContext.SchemaName, typeof(PayrollDbContext));</c>
/// </summary>
public abstract class Module : IModule
{
    /// <summary>A module without a DbContext: it stores nothing yet, or registers its own store (Marten) in <see cref="AddServices"/>.</summary>
    protected Module(string name) => Name = name;

    protected Module(string name, string schema, Type dbContextType) : this(name)
    {
        Schema = schema;
        DbContextType = typeof(ModuleDbContext).IsAssignableFrom(dbContextType)
            ? dbContextType
            : throw new ArgumentException($"{dbContextType} is not a ModuleDbContext.", nameof(dbContextType));
    }

    public string Name { get; }

    /// <summary>The PostgreSQL schema holding every table of the module, when it has any.</summary>
    public string? Schema { get; }

    public Type? DbContextType { get; }

    public virtual void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        if (DbContextType is not null)
        {
            services.AddModuleDbContext(DbContextType, Schema!);
        }
    }

    /// <summary>Nothing by default: a module's handlers are found in its assembly without help.</summary>
    public virtual void ConfigureBus(WolverineOptions opts)
    {
    }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/" + Name.ToLowerInvariant()).WithTags(Name).MapEndpointDefinitions(GetType().Assembly);

    public virtual async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (DbContextType is null) return;
        await using var scope = services.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(DbContextType);
        await db.MigrateQuietlyAsync(cancellationToken);
        // The module's legal number series sit beside its tables, outside EF Core's model (LegalNumbering owns them).
        await db.Database.OpenConnectionAsync(cancellationToken);
        await LegalNumbering.MigrateAsync((NpgsqlConnection)db.Database.GetDbConnection(), Schema!, cancellationToken);
    }

    public virtual Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
