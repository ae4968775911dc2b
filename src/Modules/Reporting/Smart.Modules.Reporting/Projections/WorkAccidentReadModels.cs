using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

/// <summary>
/// The work accidents of one kind of worker in one entity in one year of their date (id: entity:year:worker), each with its
/// latest days lost (a revision replaces the figure), and the hours of the contract-management contracts starting in the
/// year (members' hours are the contract cells').
/// </summary>
internal sealed class AccidentCell : IReadModel
{
    public string Id { get; set; } = "";
    public Guid EntityId { get; set; }
    public int Year { get; set; }
    public AccidentWorker Worker { get; set; }
    public Dictionary<Guid, AccidentFigure> Accidents { get; set; } = [];
    public decimal GdcHours { get; set; }

    public static string Key(Guid entityId, DateOnly date, AccidentWorker worker) => $"{entityId}:{date.Year}:{worker}";

    public void Absorb(object fact)
    {
        switch (fact)
        {
            case WorkAccidentLogged a:
                (EntityId, Year, Worker) = (a.EntityId, a.Date.Year, a.Worker);
                Accidents[a.AccidentId] = new AccidentFigure(a.WithLostTime, a.DaysLost);
                break;
            case WorkAccidentDaysLostRevised r:
                (EntityId, Year, Worker) = (r.EntityId, r.Date.Year, r.Worker);
                Accidents[r.AccidentId] = new AccidentFigure(r.WithLostTime, r.DaysLost);
                break;
            case GdcContractRecorded c:
                (EntityId, Year, Worker) = (c.EntityId, c.Start.Year, AccidentWorker.GdcEmployee);
                GdcHours += c.Hours;
                break;
        }
    }
}

/// <summary>One accident's latest figure.</summary>
internal sealed record AccidentFigure(bool WithLostTime, int DaysLost);
