using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Persistence;

/// <summary>
/// Branches that each add a migration are merged by regenerating one: a model change left without its migration
/// would only show as a missing column at run time, so every module's model must match its last migration.
/// </summary>
public sealed class MigrationsTests(SmartApp app) : IClassFixture<SmartApp>
{
    [Fact]
    public async Task Given_every_module_Then_its_model_has_no_change_missing_from_its_migrations()
    {
        var modules = app.Services.GetRequiredService<ModuleCatalog>().Modules.OfType<Module>().Where(m => m.DbContextType is not null).ToList();
        var pending = new List<string>();
        foreach (var module in modules)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType!);
            if (db.Database.HasPendingModelChanges()) pending.Add(module.Name);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        // The modules still on EF Core; the others keep their state in Marten or have none yet.
        Assert.Equal(["Payroll"], modules.Select(m => m.Name));
        Assert.Empty(pending);
    }
}
