using JasperFx;
using Marten;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Newcomers;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Training.Contracts;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Smart.Modules.Governance.Inbound;

// Activities', Payroll's and Training's events: Governance keeps each member's figures (typology, local budgets) and ticks the
// welcome paths. Every figure is keyed by its source, so a redelivered event changes nothing.

/// <summary>
/// A member's figures and welcome path are one document each: a busy member's events would race on them (16 invoices at
/// once in the bench), so each handler first queues on the member (<see cref="MemberWorkRecording.QueueOnMemberAsync"/>).
/// Other writers of those documents may still conflict: retries are spread out, then scheduled later, so a burst ends in
/// figures, not in dead letters.
/// </summary>
internal static class FigureRetries
{
    public static void Apply(HandlerChain chain) => chain.OnException<ConcurrencyException>()
        .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250),
            TimeSpan.FromMilliseconds(500))
        .Then.ScheduleRetry(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
}

public sealed class ActivityOpenedHandler
{
    public static void Configure(HandlerChain chain) => FigureRetries.Apply(chain);

    public async Task HandleAsync(ActivityOpened opened, IDocumentSession session, CancellationToken cancellationToken)
    {
        await session.QueueOnMemberAsync(opened.CoordinatorId, cancellationToken);
        await session.TickWelcomeStepAsync(opened.CoordinatorId, WelcomeStep.FirstActivityOpened, opened.OpenedOn, cancellationToken);
    }
}

public sealed class InvoiceIssuedHandler
{
    public static void Configure(HandlerChain chain) => FigureRetries.Apply(chain);

    public async Task HandleAsync(InvoiceIssued issued, IDocumentSession session, CancellationToken cancellationToken)
    {
        // An invoice published before its coordinator travelled with it is nobody's here; its credit notes neither.
        var work = issued.CoordinatorId == Guid.Empty ? null : await session.MemberWorkAsync(issued.CoordinatorId, cancellationToken);
        var member = work?.Member;
        var officeId = issued.OfficeId != Guid.Empty ? issued.OfficeId : member?.OfficeId ?? Guid.Empty;
        session.Store(new InvoiceCopy
        {
            Id = issued.InvoiceId, MemberId = member?.Id ?? Guid.Empty, EntityId = issued.EntityId, OfficeId = officeId,
            Net = issued.TotalNet, Contribution = issued.ContributionAmount,
        });
        if (work is not { Member: not null }) return;
        work.RecordFigure(session, issued.EntityId,
            new FigureEntry(issued.InvoiceId, FigureKind.Invoice, issued.IssueDate, officeId, issued.TotalNet, issued.ContributionAmount));
        work.TickWelcomeStep(session, WelcomeStep.FirstInvoiceIssued, issued.IssueDate);
    }
}

public sealed class CreditNoteIssuedHandler
{
    public static void Configure(HandlerChain chain) => FigureRetries.Apply(chain);

    /// <summary>The invoice's copy not here yet is an exception: the bus retries the credit note until its invoice has arrived.</summary>
    public async Task HandleAsync(CreditNoteIssued issued, IDocumentSession session, CancellationToken cancellationToken)
    {
        var invoice = await session.LoadAsync<InvoiceCopy>(issued.InvoiceId, cancellationToken)
            ?? throw new InvalidOperationException($"The invoice {issued.InvoiceId} of credit note {issued.Number} has not reached Governance yet.");
        if (invoice.MemberId == Guid.Empty) return;
        await session.QueueOnMemberAsync(invoice.MemberId, cancellationToken);
        await session.RecordFigureAsync(invoice.MemberId, invoice.EntityId, invoice.CreditNote(issued.CreditNoteId, issued.IssueDate, issued.Net), cancellationToken);
    }
}

public sealed class ContractDeclaredHandler
{
    public static void Configure(HandlerChain chain) => FigureRetries.Apply(chain);

    /// <summary>A contract counts in the month its work starts, in the member's office.</summary>
    public async Task HandleAsync(ContractDeclared declared, IDocumentSession session, CancellationToken cancellationToken)
    {
        var work = await session.MemberWorkAsync(declared.MemberId, cancellationToken);
        if (work.Member is not { } member) return;
        work.RecordFigure(session, declared.EntityId, new FigureEntry(declared.ContractId, FigureKind.Contract, declared.Start, member.OfficeId, 0m, 0m));
        work.TickWelcomeStep(session, WelcomeStep.FirstContractDeclared, declared.DeclaredOn);
    }
}

public sealed class MemberAttendedHandler
{
    public static void Configure(HandlerChain chain) => FigureRetries.Apply(chain);

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
        await session.QueueOnMemberAsync(attended.MemberId, cancellationToken);
        await session.TickWelcomeStepAsync(attended.MemberId, step.Value, attended.Date, cancellationToken);
    }
}

internal static class MemberWorkRecording
{
    /// <summary>The scope of Governance's locks on a member's figures and welcome path (a number no other lock of the application uses).</summary>
    private const int MemberWorkLocks = 0x60F1;

    /// <summary>
    /// Waits for the other handlers working on the member's documents to commit, then holds them until this transaction
    /// ends: loaded after this, the figures and the path are the last committed ones and the save cannot conflict.
    /// </summary>
    public static Task QueueOnMemberAsync(this IDocumentSession session, Guid memberId, CancellationToken cancellationToken) =>
        session.LockAsync(MemberWorkLocks, memberId, cancellationToken);

    /// <summary>The member queued on (<see cref="QueueOnMemberAsync"/>), then the member, their figures and welcome path read in one batch.</summary>
    public static async Task<MemberWork> MemberWorkAsync(this IDocumentSession session, Guid memberId, CancellationToken cancellationToken)
    {
        await session.QueueOnMemberAsync(memberId, cancellationToken);
        var batch = session.CreateBatchQuery();
        var member = batch.Load<Member>(memberId);
        var figures = batch.Load<MemberFigures>(memberId);
        var path = batch.Load<WelcomePath>(memberId);
        await batch.Execute(cancellationToken);
        return new MemberWork(memberId, await member, await figures, await path);
    }

    public static async Task RecordFigureAsync(this IDocumentSession session, Guid memberId, Guid entityId, FigureEntry entry, CancellationToken cancellationToken) =>
        new MemberWork(memberId, null, await session.LoadAsync<MemberFigures>(memberId, cancellationToken), null).RecordFigure(session, entityId, entry);

    /// <summary>Members registered before welcome paths existed have none: nothing to tick.</summary>
    public static async Task TickWelcomeStepAsync(this IDocumentSession session, Guid memberId, WelcomeStep step, DateOnly on, CancellationToken cancellationToken) =>
        new MemberWork(memberId, null, null, await session.LoadAsync<WelcomePath>(memberId, cancellationToken)).TickWelcomeStep(session, step, on);
}

/// <summary>What a handler of a member's work has read (each null when the member has none yet), and the updates it makes to it.</summary>
internal sealed record MemberWork(Guid MemberId, Member? Member, MemberFigures? Figures, WelcomePath? Path)
{
    public void RecordFigure(IDocumentSession session, Guid entityId, FigureEntry entry)
    {
        var figures = Figures ?? MemberFigures.Of(MemberId, entityId);
        if (figures.Record(entry)) session.UpdateRevision(figures, figures.Version + 1);
    }

    public void TickWelcomeStep(IDocumentSession session, WelcomeStep step, DateOnly on)
    {
        if (Path is not null && Path.Tick(step, on)) session.UpdateRevision(Path, Path.Version + 1);
    }
}
