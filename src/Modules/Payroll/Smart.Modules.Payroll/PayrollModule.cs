using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Modules;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Seed;

namespace Smart.Modules.Payroll;

/// <summary>Payroll: employment contracts, payslips, guaranteed pay and contract management, on its own Marten store.</summary>
public sealed class PayrollModule() : Module("Payroll")
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddPayrollStore();

    /// <summary>Every handler of this assembly taking a Marten session gets one of <see cref="IPayrollStore"/>, with its transaction and outbox.</summary>
    public override void ConfigureBus(WolverineOptions opts)
    {
        opts.Policies.UseAncillaryStorageFromAssemblyContaining<IPayrollStore>(typeof(IPayrollStore));
        // The modules that follow contracts and payslips handle them in batches (ADR 0130).
        opts.FollowInBatches<ContractDeclared>();
        opts.FollowInBatches<PayslipIssued>();
    }

    /// <summary>
    /// Creates or updates the documents' tables and indexes, then installs the reference configuration (ceilings, minimum
    /// wages, limits, fee rates, the group-wide contribution tables) on a new database.
    /// </summary>
    public override async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IPayrollStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<PayrollConfiguration>(PayrollConfiguration.DocumentId, cancellationToken) is not null) return;
        session.Store(PayrollConfiguration.Initial());
        session.Store(PayrollConfiguration.InitialContributionTables().ToArray());
        await session.SaveChangesAsync(cancellationToken);
    }

    public override async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedPayrollDemoData(), cancellationToken);
    }
}
