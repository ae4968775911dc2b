using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Training.Features.Sessions;
using Smart.Modules.Activities.Contracts;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Training.Features.Registrations;

/// <summary>Cancels a registration: its member, or the session's staff.</summary>
public sealed record CancelRegistration(Guid SessionId, Guid RegistrationId);

/// <summary>Whether the charge was given back (or the invoice credited), and the registrations promoted from the waiting list in its place.</summary>
public sealed record RegistrationCancellationView(Guid RegistrationId, bool ChargeReversed, decimal ChargeKept, IReadOnlyList<Guid> Promoted, bool InvoiceCredited);

public sealed class CancelRegistrationHandler(ICurrentUser user, TimeProvider clock)
{
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(8);

    /// <summary>
    /// Frees the seat, gives the charge back when cancelled within the free period (keeps it otherwise), and confirms the
    /// first in line, each charged and e-mailed its invitation then.
    /// </summary>
    public async Task<(RegistrationCancellationView, OutgoingMessages)> HandleAsync(CancelRegistration command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var target = await session.LoadSessionAsync(user, command.SessionId, cancellationToken);
        var registration = target.RegistrationFor(user, command.RegistrationId);
        var now = clock.GetUtcNow();
        var outcome = target.Cancel(registration, now);
        session.UpdateRevision(target, target.Version + 1);
        var messages = new OutgoingMessages();
        if (outcome.ReverseCharge)
        {
            messages.Add(new ReverseActivityCharge(registration.ChargeId, registration.ActivityId!.Value, DateOnly.FromDateTime(now.UtcDateTime),
                $"Cancelled in time: formation {target.Title}", PlanSessionHandler.Origin));
        }
        if (outcome.CreditInvoice)
        {
            messages.Add(new CreditTraineeInvoice(registration.Id, $"Annulation dans le délai : formation « {target.Title} »", PlanSessionHandler.Origin));
        }
        foreach (var promoted in outcome.Promoted)
        {
            messages.AddRange(Registrations.Placed(target, promoted, promoted: true));
        }
        return (new RegistrationCancellationView(registration.Id, outcome.ReverseCharge, registration.Charged, outcome.Promoted.Select(r => r.Id).ToList(), outcome.CreditInvoice), messages);
    }
}

public static class CancelRegistrationEndpoint
{
    [WolverinePost("/api/training/sessions/{sessionId:guid}/registrations/{registrationId:guid}/cancellation", OperationId = "CancelRegistration"),
     ProducesCommandProblems, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Cancels a registration (its member or the session's staff): free within the entity's notice (the charge given back, a non-member's invoice credited), later the price is kept; the first in line is promoted and e-mailed.")]
    public static async Task<Ok<RegistrationCancellationView>> Post(Guid sessionId, Guid registrationId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<RegistrationCancellationView>(new CancelRegistration(sessionId, registrationId), ct));
}
