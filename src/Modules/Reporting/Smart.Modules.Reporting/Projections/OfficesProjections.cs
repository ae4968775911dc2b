using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

internal sealed class MemberLifeRulesHistoryProjection : YearProjection<MemberLifeRulesHistory>
{
    public MemberLifeRulesHistoryProjection()
    {
        KeyOf<MemberLifeRulesNoted>(f => MemberLifeRulesHistory.Key(f.EntityId));
    }
}

internal sealed class OfficeContributionYearProjection : YearProjection<OfficeContributionYear>
{
    public OfficeContributionYearProjection()
    {
        KeysOf<InvoiceRecorded>(f => OfficeContributionYear.Keys(f.EntityId, f.OfficeId, f.CoordinatorId, f.IssueDate));
        KeysOf<CreditNoteRecorded>(f => OfficeContributionYear.Keys(f.EntityId, f.OfficeId, f.CoordinatorId, f.IssueDate));
    }
}

internal sealed class OfficeAdvisorsProjection : YearProjection<OfficeAdvisors>
{
    public OfficeAdvisorsProjection()
    {
        KeyOf<AdvisorAssignmentNoted>(f => OfficeAdvisors.Key(f.EntityId));
        KeyOf<AdvisorAssignmentEndNoted>(f => OfficeAdvisors.Key(f.EntityId));
    }
}
