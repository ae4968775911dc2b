using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

internal sealed class AccidentCellProjection : YearProjection<AccidentCell>
{
    public AccidentCellProjection()
    {
        KeyOf<WorkAccidentLogged>(f => AccidentCell.Key(f.EntityId, f.Date, f.Worker));
        KeyOf<WorkAccidentDaysLostRevised>(f => AccidentCell.Key(f.EntityId, f.Date, f.Worker));
        KeyOf<GdcContractRecorded>(f => AccidentCell.Key(f.EntityId, f.Start, AccidentWorker.GdcEmployee));
    }
}
