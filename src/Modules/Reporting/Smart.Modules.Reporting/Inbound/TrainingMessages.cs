using Marten;
using Smart.Modules.Reporting.Journal;
using Smart.Modules.Training.Contracts;

namespace Smart.Modules.Reporting.Inbound;

/// <summary>Training's events, into the journal: every version of a delivered session.</summary>
public sealed class TrainingMessagesHandler
{
    /// <summary>A republished session is one more fact of its stream; the same version delivered twice is recorded once.</summary>
    public static async Task HandleAsync(SessionDelivered delivered, IDocumentSession session, CancellationToken cancellationToken)
    {
        var fact = new SessionDeliveredRecorded(delivered.SessionId, delivered.EntityId, delivered.OfficeId, delivered.Kind, delivered.Axis, delivered.FirstDay,
            delivered.LastDay, delivered.Days, delivered.Hours, delivered.Trainees, FactIds.ContentId(delivered));
        var facts = await session.FactsForWritingAsync(delivered.SessionId, cancellationToken);
        // Compared with the latest version only: a sheet changed back to an earlier version is a new version again.
        if (facts.LastOrDefault() is SessionDeliveredRecorded latest && latest.Digest == fact.Digest) return;
        if (facts.Count == 0)
        {
            session.Events.StartStream(delivered.SessionId, fact);
        }
        else
        {
            session.Events.Append(delivered.SessionId, facts.Count + 1, fact);
        }
    }

}
