using Smart.Modules.Activities.Contracts;
using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Modules;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.Financing;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Activities.Seed;
using Wolverine;
using Wolverine.Marten;

namespace Smart.Modules.Activities;

/// <summary>Activities: the members' businesses inside the cooperative (activities, clients, invoices, budget ledger).</summary>
public sealed class ActivitiesModule() : Module("Activities")
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddActivitiesStore();
        services.AddSingleton<InvoiceIssues>();
    }

    /// <summary>Every handler of this assembly taking a Marten session gets one of <see cref="IActivitiesStore"/>, with its transaction and outbox.</summary>
    public override void ConfigureBus(WolverineOptions opts)
    {
        opts.Policies.UseAncillaryStorageFromAssemblyContaining<IActivitiesStore>(typeof(IActivitiesStore));
        // The modules that follow invoices and salary requests handle them in batches (ADR 0129, 0130).
        opts.FollowInBatches<InvoiceIssued>();
        opts.FollowInBatches<SalaryRequested>();
    }

    /// <summary>
    /// Creates or updates the tables to match <see cref="ActivitiesStore"/>, then stores the configuration in force from
    /// 2013 (stored again, it changes nothing): French law caps business payment terms at 60 days, public bodies pay
    /// within 30; five years is the usual longest term of an equipment loan or lease.
    /// </summary>
    public override async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IActivitiesStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        // The ledger's events are append-only in the database too: an edit or a deletion of a row fails, whoever sends it.
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE OR REPLACE FUNCTION {ActivitiesStore.Schema}.refuse_ledger_edit() RETURNS trigger LANGUAGE plpgsql AS
                $$BEGIN RAISE EXCEPTION 'The budget ledger is append-only: events are never edited or deleted.'; END$$;
                CREATE OR REPLACE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON {ActivitiesStore.Schema}.mt_events
                FOR EACH ROW EXECUTE FUNCTION {ActivitiesStore.Schema}.refuse_ledger_edit();
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var session = store.LightweightSession();
        var from = new DateOnly(2013, 1, 1);
        session.Store(
            new PaymentTermsDefault(ClientTypology.Company, from, 30),
            new PaymentTermsDefault(ClientTypology.Association, from, 30),
            new PaymentTermsDefault(ClientTypology.PublicBody, from, 30),
            new PaymentTermsDefault(ClientTypology.Individual, from, 15),
            new PaymentTermsDefault(ClientTypology.Abroad, from, 45));
        session.Store(new FinancingLimits(from, maxAdvanceInstalments: 60, maxLeaseMonths: 60));
        await session.SaveChangesAsync(cancellationToken);
    }

    public override async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedActivitiesDemoData(), cancellationToken);
    }
}
