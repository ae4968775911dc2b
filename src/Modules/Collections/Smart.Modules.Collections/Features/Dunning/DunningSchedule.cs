using System.Runtime.Serialization;
using Smart.BuildingBlocks.Bus;
using Smart.Modules.Collections.Domain.Receivables;
using Wolverine;

namespace Smart.Modules.Collections.Features.Dunning;

/// <summary>
/// A step of a receivable's plan comes due: scheduled for its date when the previous step was taken (or the receivable
/// opened, or its dispute resolved). It names the step and its date, so a message outdated by a payment, a dispute or a
/// moved plan does nothing.
/// </summary>
[DataContract(Name = "collections.dunning-step-due.v1")]
public sealed record DunningStepDue(Guid ReceivableId, int Step, DateOnly PlannedOn)
{
    /// <summary>Reminders leave in the morning of their date (08:00 UTC).</summary>
    public static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
}

internal static class DunningSchedule
{
    /// <summary>The receivable's next step as a message scheduled on its date, if its plan runs and has a step left.</summary>
    public static OutgoingMessages NextStepOf(Receivable receivable, TimeProvider clock)
    {
        var outgoing = new OutgoingMessages();
        if (receivable.NextStep is { } next)
        {
            outgoing.Add(new DunningStepDue(receivable.Id, next.Number, next.PlannedOn).ScheduledOn(DunningStepDue.At(next.PlannedOn), clock));
        }
        return outgoing;
    }
}
