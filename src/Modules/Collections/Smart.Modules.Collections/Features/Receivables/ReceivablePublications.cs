using Smart.Modules.Collections.Contracts;
using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Receivables;
using Wolverine;

namespace Smart.Modules.Collections.Features.Receivables;

/// <summary>
/// The one translation of a receivable's new events into Collections' integration events, sent with the transaction that
/// appends them (a step or provision is appended once per stream, so it is published once).
/// </summary>
internal static class ReceivablePublications
{
    /// <summary>
    /// For <paramref name="receivable"/> as it is after <paramref name="events"/>: <see cref="ReminderSent"/> for each step
    /// taken, <see cref="InvoiceProvisionBooked"/> / <see cref="InvoiceProvisionReversed"/> for provisions, of every invoice.
    /// <see cref="InvoicePaid"/> once, when an activity's invoice is settled, for what settled it (the client's credit beyond
    /// it is not the invoice's: Activities and Payroll count this amount as the invoice's payment); a contract-management
    /// invoice has no activity, and nobody consumes its payment yet. Likewise <see cref="InvoiceWrittenOff"/> for what a
    /// write-off lost.
    /// </summary>
    public static OutgoingMessages Published(Receivable receivable, IReadOnlyList<IReceivableEvent> events)
    {
        var outgoing = new OutgoingMessages();
        var source = receivable.Source == ReceivableSource.EmployerInvoice ? InvoiceSource.EmployerInvoice : InvoiceSource.ActivityInvoice;
        // The provisions before these events, so that each booking or reversal says what stays provisioned after it.
        var provisioned = receivable.Provisioned - events.OfType<ProvisionBooked>().Sum(b => b.Amount) + events.OfType<ProvisionReversed>().Sum(r => r.Amount);
        foreach (var @event in events)
        {
            switch (@event)
            {
                case DunningStepTaken taken:
                    outgoing.Add(new ReminderSent(receivable.Id, source, receivable.EntityId, receivable.OfficeId, receivable.ActivityId, receivable.OwnerId,
                        taken.Step, ChannelOf(taken.Channel), taken.TakenOn, receivable.Outstanding));
                    break;
                case ProvisionBooked booked:
                    provisioned += booked.Amount;
                    outgoing.Add(new InvoiceProvisionBooked(receivable.Id, source, receivable.EntityId, receivable.OfficeId, receivable.ActivityId,
                        booked.BookedOn, booked.DaysAfterDue, booked.Rate, booked.Amount, provisioned));
                    break;
                case ProvisionReversed reversed:
                    provisioned -= reversed.Amount;
                    outgoing.Add(new InvoiceProvisionReversed(receivable.Id, source, receivable.EntityId, receivable.OfficeId, receivable.ActivityId,
                        reversed.ReversedOn, receivable.ProvisionRate, reversed.Amount,
                        reversed.Why == ProvisionRelease.WrittenOff ? ProvisionReversalReason.WrittenOff : ProvisionReversalReason.Recovered, provisioned));
                    break;
                case ReceivableSettled settled when receivable.ActivityId is { } activityId:
                    outgoing.Add(new InvoicePaid(receivable.Id, activityId, settled.AmountPaid, settled.SettledOn));
                    break;
                case ReceivableWrittenOff writtenOff when receivable.ActivityId is { } activityId:
                    outgoing.Add(new InvoiceWrittenOff(receivable.Id, activityId, writtenOff.Amount, writtenOff.WrittenOffOn));
                    break;
            }
        }
        return outgoing;
    }

    private static ReminderChannel ChannelOf(DunningChannel channel) => channel switch
    {
        DunningChannel.Email => ReminderChannel.Email,
        DunningChannel.Letter => ReminderChannel.Letter,
        DunningChannel.CollectorTask => ReminderChannel.CollectorTask,
        DunningChannel.LegalHandOff => ReminderChannel.LegalHandOff,
        _ => throw new InvalidOperationException($"Unknown dunning channel {channel}."),
    };
}
