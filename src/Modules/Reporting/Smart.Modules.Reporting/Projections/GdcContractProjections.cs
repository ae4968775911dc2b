using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

internal sealed class GdcContractCellProjection : YearProjection<GdcContractCell>
{
    public GdcContractCellProjection()
    {
        KeyOf<GdcContractRecorded>(GdcContractCell.Key);
    }
}

internal sealed class GdcEmployeeYearProjection : YearProjection<GdcEmployeeYear>
{
    public GdcEmployeeYearProjection()
    {
        KeyOf<GdcContractRecorded>(GdcEmployeeYear.Key);
    }
}
