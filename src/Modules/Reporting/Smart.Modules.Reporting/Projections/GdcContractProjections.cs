using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

internal sealed class GdcContractCellProjection : YearProjection<GdcContractCell>
{
    public GdcContractCellProjection()
    {
        Identity<GdcContractRecorded>(GdcContractCell.Key);
    }
}

internal sealed class GdcEmployeeYearProjection : YearProjection<GdcEmployeeYear>
{
    public GdcEmployeeYearProjection()
    {
        Identity<GdcContractRecorded>(GdcEmployeeYear.Key);
    }
}
