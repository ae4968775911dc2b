using Smart.Modules.Collections.Contracts;
using Smart.Modules.Collections.Domain.Receivables;
using Wolverine;

namespace Smart.Modules.Collections.Features.Receivables;

internal static class ReceivableSettlement
{
    /// <summary>
    /// <see cref="InvoicePaid"/> once, when an activity's invoice is settled, for what settled it (the client's credit
    /// beyond it is not the invoice's: Activities and Payroll count this amount as the invoice's payment). A contract-management
    /// invoice has no activity, and nobody consumes its payment yet. Likewise <see cref="InvoiceWrittenOff"/> for what a
    /// write-off lost.
    /// </summary>
    public static OutgoingMessages Published(Receivable receivable, IEnumerable<IReceivableEvent> events)
    {
        var outgoing = new OutgoingMessages();
        if (receivable.ActivityId is not { } activityId) return outgoing;
        foreach (var @event in events)
        {
            switch (@event)
            {
                case ReceivableSettled settled:
                    outgoing.Add(new InvoicePaid(receivable.Id, activityId, settled.AmountPaid, settled.SettledOn));
                    break;
                case ReceivableWrittenOff writtenOff:
                    outgoing.Add(new InvoiceWrittenOff(receivable.Id, activityId, writtenOff.Amount, writtenOff.WrittenOffOn));
                    break;
            }
        }
        return outgoing;
    }
}
