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
}
