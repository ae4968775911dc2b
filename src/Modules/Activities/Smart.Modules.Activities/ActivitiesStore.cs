using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using Marten.Schema;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Activities.Domain.Activities;
using Smart.Modules.Activities.Domain.Budget;
using Smart.Modules.Activities.Domain.Clients;
using Smart.Modules.Activities.Domain.ContractDocuments;
using Smart.Modules.Activities.Domain.Expenses;
using Smart.Modules.Activities.Domain.Financing;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.Modules.Activities.Domain.Quotes;
using Smart.Modules.Activities.Domain.Salaries;
using Smart.Modules.Activities.EntityRulesCopy;
using Smart.Modules.Activities.Members;

namespace Smart.Modules.Activities;

/// <summary>Activities' own Marten store (schema <c>activities</c>): aggregates as documents, each activity's budget ledger as an event stream.</summary>
public interface IActivitiesStore : IDocumentStore;

/// <summary>How Activities is stored: all the Marten configuration of the module, kept out of the domain.</summary>
internal static partial class ActivitiesStore
{
    public const string Schema = "activities";

    public static void AddActivitiesStore(this IServiceCollection services) =>
        services.AddModuleStore<IActivitiesStore>(Schema,
            [typeof(Member), typeof(EntityRules), typeof(SellerIdentityVersion), typeof(Activity), typeof(Client), typeof(PaymentTermsDefault), typeof(Invoice), typeof(InvoiceLine),
                typeof(CreditNote), typeof(Quote), typeof(ContractDocument), typeof(Expense), typeof(ExpenseReceipt), typeof(SalaryRequest),
                typeof(Equipment), typeof(EquipmentInstalment), typeof(FinancingLimits)], m =>
            {
                // The ledger: one stream per activity (its id), started when the activity opens (ADR 0058).
                m.Events.StreamIdentity = StreamIdentity.AsGuid;
                m.Events.AddEventTypes([typeof(BudgetOpened), typeof(BudgetEntry), typeof(SalaryCommitted), typeof(SalaryCommitmentEnded), typeof(InstalmentsPlanned)]);
                m.Projections.Add(new ActivityBudgetProjection(), ProjectionLifecycle.Inline);
                m.Projections.Add(new LedgerEntryProjection(), ProjectionLifecycle.Inline);
                m.Schema.For<LedgerEntry>().Index(e => e.ActivityId).Index(e => e.SourceId)
                    // A source books each kind of entry once per date: a redelivered message cannot book twice.
                    .UniqueIndex(UniqueIndexType.Computed, "ledger_entries_once", e => e.ActivityId, e => e.Source, e => e.SourceId, e => e.Kind, e => e.Date);

                // Every aggregate carries a revision: a save states the revision it read, and a stale one is a 409.
                m.Schema.For<Activity>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(a => a.Version))
                    .Index(a => a.CoordinatorId).Index(a => a.EntityId).Index(a => a.OfficeId);
                m.Schema.For<Client>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(c => c.Version))
                    .Index(c => c.EntityId).UniqueIndex(UniqueIndexType.Computed, "clients_entity_vat_number", c => c.EntityId, c => c.VatNumber!);
                m.Schema.For<Invoice>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(i => i.Version))
                    .Index(i => i.ActivityId).Index(i => i.ClientId)
                    .UniqueIndex(UniqueIndexType.Computed, "invoices_number", i => i.EntityId, i => i.Year, i => i.Sequence)
                    // A quote is turned into one invoice at most.
                    .UniqueIndex(UniqueIndexType.Computed, "invoices_quote", i => i.QuoteId!);
                m.Schema.For<CreditNote>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(c => c.Version))
                    .Index(c => c.InvoiceId).UniqueIndex(UniqueIndexType.Computed, "credit_notes_number", c => c.EntityId, c => c.Year, c => c.Sequence);
                m.Schema.For<Quote>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(q => q.Version))
                    .Index(q => q.ActivityId).UniqueIndex(UniqueIndexType.Computed, "quotes_number", q => q.EntityId, q => q.Year, q => q.Sequence);
                m.Schema.For<ContractDocument>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(d => d.Version))
                    .Index(d => d.ActivityId).UniqueIndex(UniqueIndexType.Computed, "contract_documents_number", d => d.EntityId, d => d.Year, d => d.Sequence);
                m.Schema.For<Expense>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(e => e.Version))
                    .Index(e => e.ActivityId).Index(e => e.EntityId);
                m.Schema.For<ExpenseReceipt>().Identity(r => r.ExpenseId);
                m.Schema.For<SalaryRequest>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(r => r.Version)).Index(r => r.ActivityId);
                m.Schema.For<Equipment>().UseNumericRevisions(true).Metadata(x => x.Revision.MapTo(e => e.Version)).Index(e => e.ActivityId);
                m.Schema.For<Member>().Identity(x => x.MemberId).Index(x => x.OfficeId);
                m.Schema.For<EntityRules>().Index(r => r.EntityId);
                m.Schema.For<SellerIdentityVersion>().Index(v => v.EntityId);
                m.Schema.For<PaymentTermsDefault>();
                m.Schema.For<FinancingLimits>();
                m.Schema.For<Inbound.TraineeInvoice>();
                m.Schema.For<Inbound.TraineeClient>();

                // Legal numbers are taken in the issuing transaction, in the module's schema.
                m.Storage.ExtendedSchemaObjects.Add(LegalNumbering.Table(Schema));
            });

    /// <summary>The budget as its events add up, saved with them (inline): reading a balance is one document, whatever the ledger's length.</summary>
    private sealed class ActivityBudgetProjection : SingleStreamProjection<ActivityBudget, Guid>
    {
        public override ActivityBudget Evolve(ActivityBudget? snapshot, Guid id, IEvent e) =>
            (snapshot ?? ActivityBudget.Opened(id)).After((IBudgetEvent)e.Data);
    }

    /// <summary>Each entry as a row, written with its event: the ledger's pages and the look-ups by source read these.</summary>
    private sealed partial class LedgerEntryProjection : EventProjection
    {
        public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
        {
            if (e.Data is BudgetEntry entry)
            {
                operations.Store(new LedgerEntry(e.Id, e.StreamId, e.Version, entry.Date, entry.Kind, entry.Amount, entry.Source, entry.SourceId, entry.Description));
            }
            return ValueTask.CompletedTask;
        }
    }
}
