using System.Text.Json;
using JasperFx;
using Marten;
using Marten.Linq.MatchesSql;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Training.Domain.Sessions;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Training.Inbound;

/// <summary>Activities issued a non-member's invoice (ADR 0087): its number is shown on the registration.</summary>
public sealed class TraineeInvoicedHandler
{
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(5);

    public async Task HandleAsync(TraineeInvoiced invoiced, IDocumentSession session, CancellationToken cancellationToken)
    {
        // The session holding the registration: JSON containment on the sessions' GIN index.
        var holds = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [nameof(Session.Registrations)] = new[] { new Dictionary<string, Guid> { [nameof(Registration.Id)] = invoiced.RequestId } },
        });
        var target = await session.Query<Session>().Where(s => s.MatchesSql("d.data @> ?::jsonb", holds)).SingleOrDefaultAsync(cancellationToken);
        if (target?.Find(invoiced.RequestId) is not { } registration) return;
        registration.RecordInvoice(invoiced.Number);
        session.UpdateRevision(target, target.Version + 1);
    }
}
