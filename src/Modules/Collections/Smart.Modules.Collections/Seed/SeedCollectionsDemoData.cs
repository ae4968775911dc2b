using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;

namespace Smart.Modules.Collections.Seed;

/// <summary>Demo data: the receivables of the invoices Activities and Payroll seeded, in the states of a real year.</summary>
public sealed record SeedCollectionsDemoData;

/// <summary>
/// Of the receivables already due: about four in five paid on time (InvoicePaid goes to Activities and Payroll), one
/// written off (the oldest activity invoice, after every step of its plan), two disputed (among the last three months'),
/// the rest late with every step of the plan up to today in their history. Idempotent: once a receivable was written off,
/// the seed has run (demo databases only; a step the plan took today in real time is not a reason to skip one).
/// </summary>
public sealed class SeedCollectionsDemoDataHandler(TimeProvider clock)
{
    private const double PaidOnTime = 0.8;
    private const int Disputed = 2;

    public async Task<OutgoingMessages> HandleAsync(SeedCollectionsDemoData seed, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.Query<Receivable>().AnyAsync(r => r.Status == ReceivableStatus.WrittenOff, cancellationToken)) return [];
        var today = clock.Today();
        var due = await session.Query<Receivable>().Where(r => r.Status == ReceivableStatus.Open && r.DueDate < today)
            .OrderBy(r => r.DueDate).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var random = new Random(2026);
        var writeOff = due.FirstOrDefault(r => r.ActivityId is not null)?.Id;
        var disputed = due.Where(r => r.DueDate >= today.AddDays(-90) && r.Id != writeOff).Select(r => r.Id).Take(Disputed).ToHashSet();
        var outgoing = new OutgoingMessages();
        foreach (var candidate in due)
        {
            var stream = await session.Events.FetchForWriting<Receivable>(candidate.Id, cancellationToken);
            var receivable = stream.Aggregate!;
            var events = new List<IReceivableEvent>();
            if (candidate.Id == writeOff || disputed.Contains(candidate.Id) || random.NextDouble() > PaidOnTime)
            {
                events.AddRange(receivable.PastSteps(today));
                var late = receivable.After(events);
                if (candidate.Id == writeOff) events.AddRange(late.WriteOff("Client en liquidation judiciaire : créance irrécouvrable.", today));
                else if (disputed.Contains(candidate.Id)) events.Add(late.OpenDispute("Le client conteste le nombre de jours facturés.", "staff", today));
            }
            else
            {
                var paidOn = receivable.DueDate.AddDays(-random.Next(0, 15));
                events.AddRange(receivable.RecordPayment(new PaymentRecorded(Guid.CreateVersion7(), paidOn < receivable.IssueDate ? receivable.IssueDate : paidOn,
                    receivable.Outstanding, "Virement"), receivable.Currency, today));
            }
            stream.AppendMany(events);
            foreach (var message in ReceivablePublications.Published(receivable.After(events), events)) outgoing.Add(message);
        }
        return outgoing;
    }
}
