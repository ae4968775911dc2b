using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

internal sealed class ShareholderYearProjection : YearProjection<ShareholderYear>
{
    public ShareholderYearProjection() => KeyOf<ShareMovementNoted>(f => ShareholderYear.Key(f.ShareholderId, f.Date));
}

internal sealed class AssemblyYearProjection : YearProjection<AssemblyYear>
{
    public AssemblyYearProjection() => KeyOf<AssemblyNoted>(f => AssemblyYear.Key(f.AssemblyId, f.Date));
}
