using Smart.BuildingBlocks.Bus;
using System.Runtime.Serialization;
using Microsoft.EntityFrameworkCore;
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
/// Books the instalment once: the inbox drops a redelivery, the instalment's own booked mark (read under the equipment's
/// lock, so an early repayment in progress is waited for) a second message, and the
/// ledger's unique index (source, equipment id, kind, due date) is the last guard. A closed activity is still charged:
/// the debt exists (closing waits for every instalment, so only a race could get here).
/// </summary>
public sealed class BookEquipmentInstalmentHandler(ActivitiesDbContext db, TimeProvider clock)
{
    public async Task HandleAsync(BookEquipmentInstalment message, CancellationToken cancellationToken)
    {
        var activityId = await db.Equipment.Where(e => e.Id == message.EquipmentId).Select(e => (Guid?)e.ActivityId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Equipment", message.EquipmentId);
        // The ledger entry references the activity, so the activity's lock comes first, as in an early repayment:
        // the other order deadlocked with one.
        await db.LockActivityAsync(activityId, cancellationToken);
        await db.LockEquipmentAsync(message.EquipmentId, cancellationToken);
        var equipment = await db.Equipment.SingleAsync(e => e.Id == message.EquipmentId, cancellationToken);
        if (equipment.BookInstalment(message.Number, clock.GetUtcNow()) is { } entry)
        {
            db.BudgetEntries.Add(entry);
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

    /// <summary>What the activity's advances and leases still have to repay: the instalments not booked yet.</summary>
    public static Task<decimal> OutstandingInstalmentsAsync(this ActivitiesDbContext db, Guid activityId, CancellationToken cancellationToken) =>
        db.Equipment.Where(e => e.ActivityId == activityId).SelectMany(e => e.Instalments).Where(i => i.BookedAt == null)
            .SumAsync(i => i.Amount, cancellationToken);

    /// <summary>The financing limits in force on a date (seeded from 2013 by the migration).</summary>
    public static async Task<FinancingLimits> FinancingLimitsInForceAsync(this ActivitiesDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        await db.FinancingLimits.EffectiveOn(date).FirstOrDefaultAsync(cancellationToken) ?? throw InForce.Missing("equipment financing limits", date);
}
