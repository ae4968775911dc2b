using JasperFx.Events;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

// One projection per read model, all asynchronous: the daemon applies the journal's events in their sequence, one
// batch at a time, so writers appending concurrently never lose an update (ADR 0095). A new table's read model is one
// more class here and one line in ReportingStore.

internal sealed class MemberProfileProjection : SingleStreamProjection<MemberProfile, Guid>
{
    public override MemberProfile? Evolve(MemberProfile? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not MemberRecorded registered) return snapshot;
        var profile = snapshot ?? new MemberProfile();
        profile.Absorb(registered);
        return profile;
    }
}

/// <summary>A read model keyed by a string of its dimensions, made from the first fact of its key and absorbing each fact after.</summary>
internal abstract class YearProjection<TReadModel> : MultiStreamProjection<TReadModel, string> where TReadModel : class, IReadModel, new()
{
    public override TReadModel Evolve(TReadModel? snapshot, string id, IEvent e)
    {
        var model = snapshot ?? new TReadModel { Id = id };
        model.Absorb(e.Data);
        return model;
    }
}

internal sealed class ActivityYearProjection : YearProjection<ActivityYear>
{
    public ActivityYearProjection()
    {
        Identity<ActivityRecorded>(f => ActivityYear.Key(f.ActivityId, f.OpenedOn));
        Identity<InvoiceRecorded>(f => ActivityYear.Key(f.ActivityId, f.IssueDate));
        Identity<CreditNoteRecorded>(f => ActivityYear.Key(f.ActivityId, f.IssueDate));
        Identity<ExpenseRecorded>(f => ActivityYear.Key(f.ActivityId, f.ApprovedOn));
        Identity<ContractRecorded>(f => ActivityYear.Key(f.ActivityId, f.Start));
    }
}

internal sealed class PersonYearProjection : YearProjection<PersonYear>
{
    public PersonYearProjection()
    {
        Identities<InvoiceRecorded>(f => PersonYear.Keys(f.EntityId, f.CoordinatorId, f.IssueDate));
        Identities<CreditNoteRecorded>(f => PersonYear.Keys(f.EntityId, f.CoordinatorId, f.IssueDate));
        Identities<ExpenseRecorded>(f => PersonYear.Keys(f.EntityId, f.CoordinatorId, f.ApprovedOn));
        Identities<ContractRecorded>(f => PersonYear.Keys(f.EntityId, f.MemberId, f.Start));
        Identities<PayslipRecorded>(f => PersonYear.Keys(f.EntityId, f.MemberId, f.ContractStart));
    }
}

internal sealed class InvoicingCellProjection : YearProjection<InvoicingCell>
{
    public InvoicingCellProjection()
    {
        Identity<InvoiceRecorded>(f => InvoicingCell.Key(f.EntityId, f.IssueDate, f.Kind, f.DocumentType, f.ClientCountry));
        Identity<CreditNoteRecorded>(f => InvoicingCell.Key(f.EntityId, f.IssueDate, f.Kind, RevenueDocumentType.CreditNote, f.ClientCountry));
        Identity<EmployerInvoiceRecorded>(f => InvoicingCell.Key(f.EntityId, f.IssueDate, Activities.Contracts.ActivityKind.ContractManagement,
            RevenueDocumentType.EmployerInvoice, null));
    }
}

internal sealed class ContractCellProjection : YearProjection<ContractCell>
{
    public ContractCellProjection()
    {
        Identity<ContractRecorded>(f => ContractCell.Key(f.EntityId, f.Start, f.Kind, f.Category));
        Identity<PayslipRecorded>(f => ContractCell.Key(f.EntityId, f.ContractStart, f.Kind, f.Category));
    }
}
