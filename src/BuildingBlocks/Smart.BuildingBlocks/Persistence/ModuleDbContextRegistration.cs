using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Smart.BuildingBlocks.Persistence;

public static class ModuleDbContextRegistration
{
    public const string ConnectionStringName = "Smart";

    public static string GetSmartConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException(
            $"No connection string 'ConnectionStrings:{ConnectionStringName}' (environment variable ConnectionStrings__{ConnectionStringName}).");

    /// <summary>Registers a module's DbContext on the shared database, its migrations history inside its own schema.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string schema)
        where TContext : ModuleDbContext
    {
        services.AddDbContext<TContext>((provider, options) => options.UseNpgsql(
            provider.GetRequiredService<NpgsqlDataSource>(),
            npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema)));
        return services;
    }

    /// <summary>The same for a context known by its type (a module's entry class names its internal context this way).</summary>
    public static IServiceCollection AddModuleDbContext(this IServiceCollection services, Type contextType, string schema) =>
        (IServiceCollection)typeof(ModuleDbContextRegistration).GetMethod(nameof(AddModuleDbContext), 1, [typeof(IServiceCollection), typeof(string)])!
            .MakeGenericMethod(contextType)
            .Invoke(null, [services, schema])!;
}
