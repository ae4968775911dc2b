using Smart.Modules.Training.Contracts;

namespace Smart.Modules.Reporting.Journal;

/// <summary>
/// One version of a delivered session (stream: the session). Training republishes a session when its sheet changes after
/// delivery; each version is one more fact and the latest replaces the earlier ones (ADR 0110). <see cref="Digest"/> is a
/// hash of the message: a redelivered copy of the latest version appends nothing.
/// </summary>
internal sealed record SessionDeliveredRecorded(Guid SessionId, Guid EntityId, Guid OfficeId, SessionKind Kind, TrainingAxis? Axis, DateOnly FirstDay,
    DateOnly LastDay, int Days, decimal Hours, IReadOnlyList<SessionTrainee> Trainees, Guid Digest) : IFact
{
    public Guid SourceId => Digest;
}
