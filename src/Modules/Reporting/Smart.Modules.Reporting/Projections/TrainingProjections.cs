using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

internal sealed class DeliveredSessionProjection : YearProjection<DeliveredSession>
{
    public DeliveredSessionProjection() => KeyOf<SessionDeliveredRecorded>(f => DeliveredSession.Key(f.SessionId));
}
