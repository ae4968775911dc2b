using Smart.Modules.Reporting.Journal;

namespace Smart.Modules.Reporting.Projections;

internal sealed class DeliveredSessionProjection : YearProjection<DeliveredSession>
{
    public DeliveredSessionProjection() => Identity<SessionDeliveredRecorded>(f => DeliveredSession.Key(f.SessionId));
}
