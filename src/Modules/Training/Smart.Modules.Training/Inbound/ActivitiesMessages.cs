using System.Text.Json;
using Marten;
using Marten.Linq.MatchesSql;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Training.Domain.Sessions;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Training.Inbound;

/// <summary>
/// Activities issued a non-member's invoice (ADR 0087): its number is shown on the registration. The invoices of one
/// session's trainees come together (a session's registrations invoiced at once): they queue on the session, and a
/// conflict with another writer of it is tried again a little later, not at once.
/// </summary>
public sealed class TraineeInvoicedHandler
{
    /// <summary>The scope of the locks on a session taken by its trainees' invoices ("TRSE").</summary>
    private const int SessionLocks = 0x54525345;

    public static void Configure(HandlerChain chain) => ConflictRetries.SpreadOut(chain);

    public async Task HandleAsync(TraineeInvoiced invoiced, IDocumentSession session, CancellationToken cancellationToken)
    {
        // The session holding the registration: JSON containment on the sessions' GIN index.
        var holds = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [nameof(Session.Registrations)] = new[] { new Dictionary<string, Guid> { [nameof(Registration.Id)] = invoiced.RequestId } },
        });
        var found = await session.Query<Session>().Where(s => s.MatchesSql("d.data @> ?::jsonb", holds)).Select(s => s.Id).SingleOrDefaultAsync(cancellationToken);
        if (found == Guid.Empty) return;
        var target = await session.LoadForWritingAsync<Session>(SessionLocks, found, cancellationToken);
        if (target?.Find(invoiced.RequestId) is not { } registration) return;
        registration.RecordInvoice(invoiced.Number);
        session.UpdateRevision(target, target.Version + 1);
    }
}
