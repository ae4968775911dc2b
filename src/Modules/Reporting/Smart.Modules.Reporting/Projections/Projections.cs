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
    /// <summary>Only the member facts are loaded for it (see <see cref="YearProjection{TReadModel}.KeyOf{TFact}"/>).</summary>
    public MemberProfileProjection() => IncludeType<MemberRecorded>();

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
    /// <summary>
    /// The read model's key for a fact, and the fact among those the daemon loads for this projection: an <c>Evolve</c>
    /// override tells Marten no event type, and every projection then read every fact of the journal (17 times each
    /// reminder of a morning, ADR 0126).
    /// </summary>
    protected void KeyOf<TFact>(Func<TFact, string> key) where TFact : notnull
    {
        Identity(key);
        IncludeType<TFact>();
    }

    /// <summary>As <see cref="KeyOf{TFact}"/>, for a fact that counts in several read models (or none).</summary>
    protected void KeysOf<TFact>(Func<TFact, IReadOnlyList<string>> keys) where TFact : notnull
    {
        Identities(keys);
        IncludeType<TFact>();
    }

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
        KeyOf<ActivityRecorded>(f => ActivityYear.Key(f.ActivityId, f.OpenedOn));
        KeyOf<InvoiceRecorded>(f => ActivityYear.Key(f.ActivityId, f.IssueDate));
        KeyOf<CreditNoteRecorded>(f => ActivityYear.Key(f.ActivityId, f.IssueDate));
        KeyOf<ExpenseRecorded>(f => ActivityYear.Key(f.ActivityId, f.ApprovedOn));
        KeyOf<ContractRecorded>(f => ActivityYear.Key(f.ActivityId, f.Start));
    }
}

internal sealed class PersonYearProjection : YearProjection<PersonYear>
{
    public PersonYearProjection()
    {
        KeysOf<InvoiceRecorded>(f => PersonYear.Keys(f.EntityId, f.CoordinatorId, f.IssueDate));
        KeysOf<CreditNoteRecorded>(f => PersonYear.Keys(f.EntityId, f.CoordinatorId, f.IssueDate));
        KeysOf<ExpenseRecorded>(f => PersonYear.Keys(f.EntityId, f.CoordinatorId, f.ApprovedOn));
        KeysOf<ContractRecorded>(f => PersonYear.Keys(f.EntityId, f.MemberId, f.Start));
        KeysOf<PayslipRecorded>(f => PersonYear.Keys(f.EntityId, f.MemberId, f.ContractStart));
    }
}

internal sealed class InvoicingCellProjection : YearProjection<InvoicingCell>
{
    public InvoicingCellProjection()
    {
        KeyOf<InvoiceRecorded>(f => InvoicingCell.Key(f.EntityId, f.IssueDate, f.Kind, f.DocumentType, f.ClientCountry));
        KeyOf<CreditNoteRecorded>(f => InvoicingCell.Key(f.EntityId, f.IssueDate, f.Kind, RevenueDocumentType.CreditNote, f.ClientCountry));
        KeyOf<EmployerInvoiceRecorded>(f => InvoicingCell.Key(f.EntityId, f.IssueDate, Activities.Contracts.ActivityKind.ContractManagement,
            RevenueDocumentType.EmployerInvoice, null));
    }
}

internal sealed class ContractCellProjection : YearProjection<ContractCell>
{
    public ContractCellProjection()
    {
        KeyOf<ContractRecorded>(f => ContractCell.Key(f.EntityId, f.Start, f.Kind, f.Category));
        KeyOf<PayslipRecorded>(f => ContractCell.Key(f.EntityId, f.ContractStart, f.Kind, f.Category));
    }
}
