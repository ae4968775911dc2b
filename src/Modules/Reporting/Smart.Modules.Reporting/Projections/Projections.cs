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

internal sealed class ActivityYearProjection : MultiStreamProjection<ActivityYear, string>
{
    public ActivityYearProjection()
    {
        Identity<ActivityRecorded>(f => ActivityYear.Key(f.ActivityId, f.OpenedOn));
        Identity<InvoiceRecorded>(f => ActivityYear.Key(f.ActivityId, f.IssueDate));
        Identity<CreditNoteRecorded>(f => ActivityYear.Key(f.ActivityId, f.IssueDate));
        Identity<ExpenseRecorded>(f => ActivityYear.Key(f.ActivityId, f.ApprovedOn));
        Identity<ContractRecorded>(f => ActivityYear.Key(f.ActivityId, f.Start));
    }

    public override ActivityYear Evolve(ActivityYear? snapshot, string id, IEvent e)
    {
        var year = snapshot ?? new ActivityYear { Id = id };
        year.Absorb(e.Data);
        return year;
    }
}

internal sealed class PersonYearProjection : MultiStreamProjection<PersonYear, string>
{
    public PersonYearProjection()
    {
        Identities<InvoiceRecorded>(f => PersonYear.Keys(f.EntityId, f.CoordinatorId, f.IssueDate));
        Identities<CreditNoteRecorded>(f => PersonYear.Keys(f.EntityId, f.CoordinatorId, f.IssueDate));
        Identities<ExpenseRecorded>(f => PersonYear.Keys(f.EntityId, f.CoordinatorId, f.ApprovedOn));
        Identities<ContractRecorded>(f => PersonYear.Keys(f.EntityId, f.MemberId, f.Start));
        Identities<PayslipRecorded>(f => PersonYear.Keys(f.EntityId, f.MemberId, f.ContractStart));
    }

    public override PersonYear Evolve(PersonYear? snapshot, string id, IEvent e)
    {
        var year = snapshot ?? new PersonYear { Id = id };
        year.Absorb(e.Data);
        return year;
    }
}

internal sealed class InvoicingCellProjection : MultiStreamProjection<InvoicingCell, string>
{
    public InvoicingCellProjection()
    {
        Identity<InvoiceRecorded>(f => InvoicingCell.Key(f.EntityId, f.IssueDate, f.Kind, f.DocumentType, f.ClientCountry));
        Identity<CreditNoteRecorded>(f => InvoicingCell.Key(f.EntityId, f.IssueDate, f.Kind, RevenueDocumentType.CreditNote, f.ClientCountry));
        Identity<EmployerInvoiceRecorded>(f => InvoicingCell.Key(f.EntityId, f.IssueDate, Activities.Contracts.ActivityKind.ContractManagement,
            RevenueDocumentType.EmployerInvoice, null));
    }

    public override InvoicingCell Evolve(InvoicingCell? snapshot, string id, IEvent e)
    {
        var cell = snapshot ?? new InvoicingCell { Id = id };
        cell.Absorb(e.Data);
        return cell;
    }
}

internal sealed class ContractCellProjection : MultiStreamProjection<ContractCell, string>
{
    public ContractCellProjection()
    {
        Identity<ContractRecorded>(f => ContractCell.Key(f.EntityId, f.Start, f.Kind, f.Category));
        Identity<PayslipRecorded>(f => ContractCell.Key(f.EntityId, f.ContractStart, f.Kind, f.Category));
    }

    public override ContractCell Evolve(ContractCell? snapshot, string id, IEvent e)
    {
        var cell = snapshot ?? new ContractCell { Id = id };
        cell.Absorb(e.Data);
        return cell;
    }
}
