using Marten;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Newcomers;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Training.Contracts;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Governance.Inbound;

// Activities', Payroll's and Training's events: Governance keeps each member's figures (typology, local budgets) and ticks the
// welcome paths. Every figure is a row keyed by its source, so a redelivered event changes nothing, and events of one member
// handled at once write different rows (ADR 0121).

// A member's welcome path is one document: a busy member's events would race on it (16 invoices at once in the bench), so
// an event that would tick a step queues on the member first (MemberWorkRecording.TickWelcomeStepAsync); most events find
// their step ticked and only write their figure, a row of its own that never conflicts. Other writers of the path may
// still conflict: their retries are spread out (ConflictRetries).

public sealed class ActivityOpenedHandler
{
    public static void Configure(HandlerChain chain) => ConflictRetries.SpreadOut(chain);

    public Task HandleAsync(ActivityOpened opened, IDocumentSession session, CancellationToken cancellationToken) =>
        session.TickWelcomeStepAsync(opened.CoordinatorId, WelcomeStep.FirstActivityOpened, opened.OpenedOn, cancellationToken);
}

public sealed class InvoiceIssuedHandler
{
    public static void Configure(HandlerChain chain) => ConflictRetries.SpreadOut(chain);

    /// <summary>
    /// Invoices come in batches (ADR 0129): their coordinators and welcome paths read in one round trip, each invoice's
    /// copy and figure written, and each coordinator's first invoice ticked once, on the earliest date of the batch.
    /// </summary>
    public async Task HandleAsync(InvoiceIssued[] invoices, IDocumentSession session, CancellationToken cancellationToken)
    {
        // An invoice published before its coordinator travelled with it is nobody's here; its credit notes neither.
        var works = await session.MemberWorksAsync(invoices.Select(i => i.CoordinatorId).Where(id => id != Guid.Empty).ToHashSet(), cancellationToken);
        foreach (var issued in invoices.DistinctBy(i => i.InvoiceId))
        {
            var work = works.GetValueOrDefault(issued.CoordinatorId);
            var member = work?.Member;
            var officeId = issued.OfficeId != Guid.Empty ? issued.OfficeId : member?.OfficeId ?? Guid.Empty;
            session.Store(new InvoiceCopy
            {
                Id = issued.InvoiceId, MemberId = member?.Id ?? Guid.Empty, EntityId = issued.EntityId, OfficeId = officeId,
                Net = issued.TotalNet, Contribution = issued.ContributionAmount,
            });
            work?.RecordFigure(session, new FigureEntry(issued.InvoiceId, FigureKind.Invoice, issued.IssueDate, officeId, issued.TotalNet, issued.ContributionAmount));
        }
        foreach (var work in works.Values)
        {
            var first = invoices.Where(i => i.CoordinatorId == work.MemberId).Min(i => i.IssueDate);
            await work.TickWelcomeStepAsync(session, WelcomeStep.FirstInvoiceIssued, first, cancellationToken);
        }
    }
}

public sealed class CreditNoteIssuedHandler
{
    /// <summary>The invoice's copy not here yet: the credit note waits until its invoice has arrived.</summary>
    public async Task HandleAsync(CreditNoteIssued issued, IDocumentSession session, CancellationToken cancellationToken)
    {
        var invoice = await session.LoadAsync<InvoiceCopy>(issued.InvoiceId, cancellationToken)
            ?? throw new NotArrivedYetException($"The invoice {issued.InvoiceId} of credit note {issued.Number} has not reached Governance yet.");
        if (invoice.MemberId == Guid.Empty) return;
        session.RecordFigure(invoice.MemberId, invoice.CreditNote(issued.CreditNoteId, issued.IssueDate, issued.Net));
    }
}

public sealed class ContractDeclaredHandler
{
    public static void Configure(HandlerChain chain) => ConflictRetries.SpreadOut(chain);

    /// <summary>
    /// A contract counts in the month its work starts, in the member's office. Contracts come in batches (ADR 0130), read and
    /// ticked as invoices are: each member's first contract ticked once, on the earliest declaration of the batch.
    /// </summary>
    public async Task HandleAsync(ContractDeclared[] contracts, IDocumentSession session, CancellationToken cancellationToken)
    {
        var works = await session.MemberWorksAsync(contracts.Select(c => c.MemberId).ToHashSet(), cancellationToken);
        foreach (var declared in contracts.DistinctBy(c => c.ContractId))
        {
            if (works.GetValueOrDefault(declared.MemberId) is not { Member: { } member } work) continue;
            work.RecordFigure(session, new FigureEntry(declared.ContractId, FigureKind.Contract, declared.Start, member.OfficeId, 0m, 0m));
        }
        foreach (var work in works.Values)
        {
            var first = contracts.Where(c => c.MemberId == work.MemberId).Min(c => c.DeclaredOn);
            await work.TickWelcomeStepAsync(session, WelcomeStep.FirstContractDeclared, first, cancellationToken);
        }
    }
}

public sealed class MemberAttendedHandler
{
    public static void Configure(HandlerChain chain) => ConflictRetries.SpreadOut(chain);

    /// <summary>An information session or a training of the catalogue ticks its step; a workshop none.</summary>
    public async Task HandleAsync(MemberAttended attended, IDocumentSession session, CancellationToken cancellationToken)
    {
        WelcomeStep? step = attended.Kind switch
        {
            SessionKind.InformationSession => WelcomeStep.InformationSessionAttended,
            SessionKind.Training => WelcomeStep.FirstTrainingAttended,
            _ => null,
        };
        if (step is null) return;
        await session.TickWelcomeStepAsync(attended.MemberId, step.Value, attended.Date, cancellationToken);
    }
}

internal static class MemberWorkRecording
{
    /// <summary>The scope of Governance's locks on a member's welcome path (a number no other lock of the application uses).</summary>
    private const int WelcomePathLocks = 0x60F1;

    /// <summary>The members (those Governance knows) and their welcome paths, read in one batch.</summary>
    public static async Task<Dictionary<Guid, MemberWork>> MemberWorksAsync(this IDocumentSession session, IReadOnlyCollection<Guid> memberIds,
        CancellationToken cancellationToken)
    {
        if (memberIds.Count == 0) return [];
        var batch = session.CreateBatchQuery();
        var members = batch.LoadMany<Member>().ByIdList(memberIds);
        var paths = batch.LoadMany<WelcomePath>().ByIdList(memberIds);
        await batch.Execute(cancellationToken);
        var pathOf = (await paths).ToDictionary(p => p.Id);
        return (await members).ToDictionary(m => m.Id, m => new MemberWork(m.Id, m, pathOf.GetValueOrDefault(m.Id)));
    }

    /// <summary>An entry of the member's figures, written on its own (a redelivery writes the same row again).</summary>
    public static void RecordFigure(this IDocumentSession session, Guid memberId, FigureEntry entry) => session.Store(MemberFigure.Of(memberId, entry));

    /// <summary>Members registered before welcome paths existed have none: nothing to tick.</summary>
    public static async Task TickWelcomeStepAsync(this IDocumentSession session, Guid memberId, WelcomeStep step, DateOnly on, CancellationToken cancellationToken) =>
        await session.TickWelcomeStepAsync(memberId, await session.LoadAsync<WelcomePath>(memberId, cancellationToken), step, on, cancellationToken);

    /// <summary>
    /// Ticks a step of the member's path <paramref name="read"/> without a lock: a step ticked already changes nothing
    /// (most events). One that changes it waits for the other handlers ticking this member's path to commit, and ticks
    /// the path as last committed (<see cref="TransactionLocks.LoadForWritingAsync"/>): the save cannot conflict with them.
    /// </summary>
    public static async Task TickWelcomeStepAsync(this IDocumentSession session, Guid memberId, WelcomePath? read, WelcomeStep step, DateOnly on,
        CancellationToken cancellationToken)
    {
        if (read is null || !read.WouldTick(step, on)) return;
        session.Eject(read);
        var path = await session.LoadForWritingAsync<WelcomePath>(WelcomePathLocks, memberId, cancellationToken);
        if (path is not null && path.Tick(step, on)) session.UpdateRevision(path, path.Version + 1);
    }
}

/// <summary>What a handler of a member's work has read (the path null when the member has none), and the updates it makes to it.</summary>
internal sealed record MemberWork(Guid MemberId, Member? Member, WelcomePath? Path)
{
    public void RecordFigure(IDocumentSession session, FigureEntry entry) => session.RecordFigure(MemberId, entry);

    public Task TickWelcomeStepAsync(IDocumentSession session, WelcomeStep step, DateOnly on, CancellationToken cancellationToken) =>
        session.TickWelcomeStepAsync(MemberId, Path, step, on, cancellationToken);
}
