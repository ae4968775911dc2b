using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Marten.Events.Aggregation;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Collections.Domain.BankStatements;
using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Provisions;
using Smart.Modules.Collections.Domain.Receivables;

namespace Smart.Modules.Collections;

/// <summary>Collections' own Marten store (schema <c>collections</c>): receivables as event streams, dunning plans as documents.</summary>
public interface ICollectionsStore : IDocumentStore;

/// <summary>How Collections is stored: all the Marten configuration of the module, kept out of the domain.</summary>
internal static class CollectionsStore
{
    public const string Schema = "collections";

    /// <summary>The store (its aggregates are records: no private state to reveal); events and sent or scheduled messages commit together.</summary>
    public static void AddCollectionsStore(this IServiceCollection services) =>
        services.AddModuleStore<ICollectionsStore>(Schema, [], m =>
            {
                // A receivable's stream id is its invoice's id: a second InvoiceIssued finds the stream and does nothing.
                m.Events.StreamIdentity = StreamIdentity.AsGuid;
                m.Events.AddEventTypes([typeof(ReceivableOpened), typeof(CreditNoteApplied), typeof(PaymentRecorded), typeof(ReceivableSettled),
                    typeof(ReceivableCancelled), typeof(DunningStepTaken), typeof(DisputeOpened), typeof(DisputeResolved), typeof(ReceivableWrittenOff),
                    typeof(ClientCreditRefunded), typeof(ClientCreditApplied), typeof(ProvisionBooked), typeof(ProvisionReversed), typeof(PaymentDeclared),
                    typeof(CollectorAssigned), typeof(CollectorCallRecorded), typeof(LegalActionDecided)]);
                m.Projections.Add(new ReceivableProjection(), ProjectionLifecycle.Inline);
                m.Schema.For<Receivable>().Index(r => r.EntityId).Index(r => r.OfficeId).Index(r => r.OwnerId).Index(r => r.Number).Index(r => r.ClientKey);
                m.Schema.For<BankStatementLine>().Index(l => l.EntityId);
                m.Schema.For<BankStatement>();

                m.Schema.For<DunningPlanVersion>().Index(v => v.EntityId);
                m.Schema.For<ProvisionPolicyVersion>().Index(v => v.EntityId);
            });

    /// <summary>The receivable as its events add up, saved with them (inline) so that reads and lists are one document.</summary>
    private sealed class ReceivableProjection : SingleStreamProjection<Receivable, Guid>
    {
        public override Receivable Evolve(Receivable? snapshot, Guid id, IEvent e)
        {
            if (e.Data is ReceivableOpened opened) return Receivable.Opened(opened);
            snapshot!.Absorb((IReceivableEvent)e.Data);
            return snapshot;
        }
    }
}
