using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Governance.Domain.Committees;
using Smart.Modules.Governance.Domain.Entities;
using Smart.Modules.Governance.Domain.Members;
using Smart.Modules.Governance.Domain.Offices;
using Smart.Modules.Governance.Domain.Proposals;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Governance.Features.Committees;

/// <summary>Forms a committee of an entity: its ethics committee, its works council, or the local committee of an office.</summary>
public sealed record FormCommittee(Guid EntityId, CommitteeKind? Kind, Guid? OfficeId, string Name)
{
    internal sealed class Validator : AbstractValidator<FormCommittee>
    {
        public Validator()
        {
            RuleFor(c => c.EntityId).NotEmpty();
            RuleFor(c => c.Kind).NotNull().IsInEnum();
            RuleFor(c => c.OfficeId).NotEmpty().When(c => c.Kind == CommitteeKind.Local).WithMessage("A local committee belongs to an office.");
            RuleFor(c => c.OfficeId).Null().When(c => c.Kind != CommitteeKind.Local).WithMessage("Only a local committee belongs to an office.");
            RuleFor(c => c.Name).NotEmpty().MaximumLength(120);
        }
    }
}

/// <summary>Seats a member of the entity on a committee from a date (a local committee seats members of its office).</summary>
public sealed record SeatOnCommittee(Guid MemberId, SeatRole? Role, DateOnly From)
{
    internal sealed class Validator : AbstractValidator<SeatOnCommittee>
    {
        public Validator()
        {
            RuleFor(c => c.MemberId).NotEmpty();
            RuleFor(c => c.Role).NotNull().IsInEnum();
            RuleFor(c => c.From).IsBusinessDate();
        }
    }
}

public sealed record SeatMemberOnCommittee(Guid CommitteeId, SeatOnCommittee Seat);

/// <summary>Ends a member's seat: <paramref name="LastDay"/> is their last day on the committee.</summary>
public sealed record EndSeat(DateOnly LastDay)
{
    internal sealed class Validator : AbstractValidator<EndSeat>
    {
        public Validator() => RuleFor(c => c.LastDay).IsBusinessDate();
    }
}

public sealed record EndCommitteeSeat(Guid CommitteeId, Guid MemberId, EndSeat End);

public sealed record ListCommittees(Guid? OfficeId);

public sealed record GetCommittee(Guid CommitteeId);

public sealed record CommitteeView(Guid Id, Guid EntityId, CommitteeKind Kind, Guid? OfficeId, string Name, int SittingMembers);

public sealed record SeatView(Guid MemberId, string DisplayName, SeatRole Role, DateOnly From, DateOnly? Until);

public sealed record CommitteeDetailView(Guid Id, Guid EntityId, CommitteeKind Kind, Guid? OfficeId, string Name, IReadOnlyList<SeatView> Seats);

/// <summary>A local committee seats members of its own office: it speaks for them.</summary>
internal sealed record LocalCommitteeSeatsItsOfficeMembers(Guid? CommitteeOffice, Guid MemberOffice) : IBusinessRule
{
    public bool IsBroken() => CommitteeOffice is { } office && office != MemberOffice;

    public string Message => "A local committee seats members of its own office.";
}

internal sealed record OneCommitteeOfAKind(bool Exists, CommitteeKind Kind) : IBusinessRule
{
    public bool IsBroken() => Exists;

    public string Message => Kind == CommitteeKind.Local ? "This office already has a local committee." : $"This entity already has its {Kind} committee.";
}

internal static class CommitteeAccess
{
    /// <summary>A committee of the caller's entity (everyone there sees the committees and who sits on them).</summary>
    public static async Task<Committee> LoadVisibleCommitteeAsync(this IQuerySession session, ICurrentUser user, Guid committeeId, CancellationToken cancellationToken) =>
        await session.Query<Committee>().VisibleInEntityOf(user, c => c.EntityId).SingleOrDefaultAsync(c => c.Id == committeeId, cancellationToken)
        ?? throw new NotFoundException("Committee", committeeId);
}

public sealed class CommitteesHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>A new local committee takes up the office's proposals that were waiting for one.</summary>
    public async Task<Guid> HandleAsync(FormCommittee command, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (!await session.Query<CooperativeEntity>().VisibleTo(user).AnyAsync(e => e.Id == command.EntityId, cancellationToken))
        {
            throw new NotFoundException("Entity", command.EntityId);
        }
        if (command.OfficeId is { } officeId && !await session.Query<Office>().AnyAsync(o => o.Id == officeId && o.EntityId == command.EntityId, cancellationToken))
        {
            throw new NotFoundException("Office", officeId);
        }
        var kind = command.Kind!.Value;
        var key = Committee.KeyOf(kind, command.OfficeId);
        BusinessRules.Check(new OneCommitteeOfAKind(await session.Query<Committee>().AnyAsync(c => c.EntityId == command.EntityId && c.Key == key, cancellationToken), kind));
        var committee = Committee.Form(command.EntityId, kind, command.OfficeId, command.Name);
        session.Insert(committee);
        if (committee.Kind == CommitteeKind.Local)
        {
            var waiting = await session.Query<Proposal>()
                .Where(p => p.OfficeId == committee.OfficeId && p.Status == ProposalStatus.AwaitingCommittee).Select(p => p.Id).ToListAsync(cancellationToken);
            foreach (var proposalId in waiting)
            {
                var stream = await session.Events.FetchForExclusiveWriting<Proposal>(proposalId, cancellationToken);
                stream.AppendOne(stream.Aggregate!.HandTo(committee.Id, clock.GetUtcNow()));
            }
        }
        return committee.Id;
    }

    public async Task<CommitteeDetailView> HandleAsync(SeatMemberOnCommittee command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var committee = await session.LoadVisibleCommitteeAsync(user, command.CommitteeId, cancellationToken);
        var member = await session.Query<Member>().SingleOrDefaultAsync(m => m.Id == command.Seat.MemberId && m.EntityId == committee.EntityId, cancellationToken)
            ?? throw new NotFoundException("Member", command.Seat.MemberId);
        BusinessRules.Check(new LocalCommitteeSeatsItsOfficeMembers(committee.OfficeId, member.OfficeId));
        committee.Seat(member.Id, command.Seat.Role!.Value, command.Seat.From);
        session.UpdateRevision(committee, committee.Version + 1);
        return await DetailAsync(session, committee, cancellationToken);
    }

    public async Task<CommitteeDetailView> HandleAsync(EndCommitteeSeat command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var committee = await session.LoadVisibleCommitteeAsync(user, command.CommitteeId, cancellationToken);
        if (committee.Seats.All(s => s.MemberId != command.MemberId))
        {
            throw new NotFoundException("Seat", command.MemberId);
        }
        committee.EndSeat(command.MemberId, command.End.LastDay);
        session.UpdateRevision(committee, committee.Version + 1);
        return await DetailAsync(session, committee, cancellationToken);
    }

    public async Task<IReadOnlyList<CommitteeView>> HandleAsync(ListCommittees query, IQuerySession session, CancellationToken cancellationToken)
    {
        var committees = session.Query<Committee>().VisibleInEntityOf(user, c => c.EntityId);
        if (query.OfficeId is { } officeId) committees = committees.Where(c => c.OfficeId == officeId);
        var today = clock.Today();
        return (await committees.OrderBy(c => c.Kind).ThenBy(c => c.Name).ToListAsync(cancellationToken))
            .Select(c => new CommitteeView(c.Id, c.EntityId, c.Kind, c.OfficeId, c.Name, c.SeatsHeldOn(today).Count())).ToList();
    }

    public async Task<CommitteeDetailView> HandleAsync(GetCommittee query, IQuerySession session, CancellationToken cancellationToken) =>
        await DetailAsync(session, await session.LoadVisibleCommitteeAsync(user, query.CommitteeId, cancellationToken), cancellationToken);

    private static async Task<CommitteeDetailView> DetailAsync(IQuerySession session, Committee committee, CancellationToken cancellationToken)
    {
        var names = (await session.LoadManyAsync<Member>(cancellationToken, committee.Seats.Select(s => s.MemberId).Distinct().ToArray()))
            .ToDictionary(m => m.Id, m => m.DisplayName);
        return new CommitteeDetailView(committee.Id, committee.EntityId, committee.Kind, committee.OfficeId, committee.Name,
            committee.Seats.OrderBy(s => s.From).Select(s => new SeatView(s.MemberId, names.GetValueOrDefault(s.MemberId, "?"), s.Role, s.From, s.Until)).ToList());
    }
}

public static class CommitteesEndpoints
{
    [WolverinePost("/api/governance/committees", OperationId = "FormCommittee"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Forms an entity's ethics committee, works council, or an office's local committee (admins); a new local committee takes up the office's waiting proposals.")]
    public static Task<Created<ResourceCreated>> Post(FormCommittee command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/governance/committees/", ct);

    [WolverineGet("/api/governance/committees", OperationId = "ListCommittees")]
    [EndpointSummary("The committees of the caller's entity, with how many members sit on each today; optionally one office's.")]
    public static async Task<Ok<IReadOnlyList<CommitteeView>>> List(Guid? officeId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IReadOnlyList<CommitteeView>>(new ListCommittees(officeId), ct));

    [WolverineGet("/api/governance/committees/{committeeId:guid}", OperationId = "GetCommittee"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A committee with its seats, past and present.")]
    public static async Task<Ok<CommitteeDetailView>> Get(Guid committeeId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<CommitteeDetailView>(new GetCommittee(committeeId), ct));

    [WolverinePost("/api/governance/committees/{committeeId:guid}/seats", OperationId = "SeatOnCommittee"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Seats a member on a committee from a date (admins).")]
    public static async Task<Ok<CommitteeDetailView>> Seat(Guid committeeId, SeatOnCommittee seat, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<CommitteeDetailView>(new SeatMemberOnCommittee(committeeId, seat), ct));

    [WolverinePost("/api/governance/committees/{committeeId:guid}/seats/{memberId:guid}/end", OperationId = "EndCommitteeSeat"), Authorize(SmartPolicies.Admin), ProducesCommandProblems]
    [EndpointSummary("Ends a member's seat on a committee on their last day (admins); the seat stays in the committee's history.")]
    public static async Task<Ok<CommitteeDetailView>> End(Guid committeeId, Guid memberId, EndSeat end, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<CommitteeDetailView>(new EndCommitteeSeat(committeeId, memberId, end), ct));
}
