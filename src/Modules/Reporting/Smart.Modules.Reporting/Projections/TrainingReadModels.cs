using Smart.Modules.Reporting.Journal;
using Smart.Modules.Training.Contracts;

namespace Smart.Modules.Reporting.Projections;

/// <summary>
/// A delivered session as last published (id: the session). Each version replaces the whole document, year included, so
/// a republished session never adds to its earlier figures — in live projection and in a rebuild alike (ADR 0110).
/// </summary>
internal sealed class DeliveredSession : IReadModel
{
    public string Id { get; set; } = "";
    public Guid EntityId { get; set; }
    public Guid OfficeId { get; set; }
    public int Year { get; set; }
    public SessionKind Kind { get; set; }
    public TrainingAxis? Axis { get; set; }
    public int Days { get; set; }
    public decimal Hours { get; set; }
    public List<SessionTrainee> Trainees { get; set; } = [];

    public static string Key(Guid sessionId) => sessionId.ToString();

    public void Absorb(object fact)
    {
        if (fact is not SessionDeliveredRecorded s) return;
        // The calendar year of the session's last day: the report's year (ADR 0110).
        (EntityId, OfficeId, Year, Kind, Axis, Days, Hours, Trainees) = (s.EntityId, s.OfficeId, s.LastDay.Year, s.Kind, s.Axis, s.Days, s.Hours, [.. s.Trainees]);
    }
}
