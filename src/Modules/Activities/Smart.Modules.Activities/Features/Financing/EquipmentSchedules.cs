using Smart.BuildingBlocks.Bus;
using System.Runtime.Serialization;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.Modules.Activities.Domain.Financing;
using Smart.Modules.Activities.Persistence;

namespace Smart.Modules.Activities.Features.Financing;

/// <summary>
/// Books one instalment of an equipment's advance repayment or lease on its due date. Scheduled by Activities for
/// itself when the financing is granted, delivered on the due date (an outbox row with a future <c>deliver_at</c>).
/// </summary>
[DataContract(Name = "activities.book-equipment-instalment.v1")]
public sealed record BookEquipmentInstalment(Guid EquipmentId, int Number);

/// <summary>
/// Books the instalment once: the inbox drops a redelivery, the instalment's own booked mark (read under the activity's
/// ledger, so an early repayment in progress is waited for) a second message, and the
/// ledger's unique index (source, equipment id, kind, due date) is the last guard. A closed activity is still charged:
/// the debt exists (closing waits for every instalment, so only a race could get here).
/// </summary>
public sealed class BookEquipmentInstalmentHandler(TimeProvider clock)
{
    public async Task HandleAsync(BookEquipmentInstalment message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var activityId = (await session.LoadAsync<Equipment>(message.EquipmentId, cancellationToken))?.ActivityId
            ?? throw new NotFoundException("Equipment", message.EquipmentId);
        // The activity's ledger first, as in an early repayment; the equipment is read again once it is taken, so an
        // early repayment committed meanwhile is seen.
        var ledger = await session.LedgerAsync(activityId, cancellationToken);
        var equipment = await session.LoadAsync<Equipment>(message.EquipmentId, cancellationToken) ?? throw new NotFoundException("Equipment", message.EquipmentId);
        if (equipment.BookInstalment(message.Number, clock.GetUtcNow()) is { } entry)
        {
            ledger.Append(entry);
            session.UpdateRevision(equipment, equipment.Version + 1);
        }
    }
}

internal static class EquipmentSchedules
{
    /// <summary>One message per instalment not booked yet, delivered at the start (UTC) of its due date; one already due is delivered at once.</summary>
    public static OutgoingMessages InstalmentsDue(this Equipment equipment, TimeProvider clock)
    {
        var due = new OutgoingMessages();
        due.AddRange(equipment.Instalments.Where(i => !i.IsBooked).Select(instalment => new BookEquipmentInstalment(equipment.Id, instalment.Number)
            .ScheduledOn(new DateTimeOffset(instalment.DueDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), clock)));
        return due;
    }

    /// <summary>The financing limits in force on a date (stored from 2013 by the migration).</summary>
    public static async Task<FinancingLimits> FinancingLimitsInForceAsync(this IQuerySession session, DateOnly date, CancellationToken cancellationToken) =>
        await session.Query<FinancingLimits>().EffectiveOn(date).FirstOrDefaultAsync(cancellationToken) ?? throw InForce.Missing("equipment financing limits", date);
}
