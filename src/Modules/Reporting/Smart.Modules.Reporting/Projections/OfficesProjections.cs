using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

internal sealed class MemberLifeRulesHistoryProjection : YearProjection<MemberLifeRulesHistory>
{
    public MemberLifeRulesHistoryProjection()
    {
        Identity<MemberLifeRulesNoted>(f => MemberLifeRulesHistory.Key(f.EntityId));
    }
}

internal sealed class OfficeContributionYearProjection : YearProjection<OfficeContributionYear>
{
    public OfficeContributionYearProjection()
    {
        Identities<InvoiceRecorded>(f => OfficeContributionYear.Keys(f.EntityId, f.OfficeId, f.CoordinatorId, f.IssueDate));
        Identities<CreditNoteRecorded>(f => OfficeContributionYear.Keys(f.EntityId, f.OfficeId, f.CoordinatorId, f.IssueDate));
    }
}

internal sealed class OfficeAdvisorsProjection : YearProjection<OfficeAdvisors>
{
    public OfficeAdvisorsProjection()
    {
        Identity<AdvisorAssignmentNoted>(f => OfficeAdvisors.Key(f.EntityId));
        Identity<AdvisorAssignmentEndNoted>(f => OfficeAdvisors.Key(f.EntityId));
    }
}
