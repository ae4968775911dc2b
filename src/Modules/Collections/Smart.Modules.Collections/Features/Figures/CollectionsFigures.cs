using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Validation;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Collections.Domain.Dunning;
using Smart.Modules.Collections.Domain.Receivables;
using Smart.Modules.Collections.Features.Receivables;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Collections.Features.Figures;

/// <summary>Collections' figures of an entity (default the caller's), optionally one office, over a period (default the last 365 days to today).</summary>
public sealed record GetCollectionsFigures(Guid? EntityId, Guid? OfficeId, DateOnly? From, DateOnly? To)
{
    internal sealed class Validator : AbstractValidator<GetCollectionsFigures>
    {
        public Validator()
        {
            RuleFor(q => q.From!.Value).IsBusinessDate().When(q => q.From is not null).OverridePropertyName("from");
            RuleFor(q => q.To!.Value).IsBusinessDate().When(q => q.To is not null).OverridePropertyName("to");
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("The period ends on or after it starts.");
        }
    }
}

/// <summary>Unpaid receivables by days past due on the period's last day: <see cref="FromDays"/> to <see cref="ToDays"/> (null: no end; below 1: not due yet).</summary>
public sealed record AgeBand(int FromDays, int? ToDays, int Count, decimal Outstanding);

public sealed record RemindersOnDay(DateOnly Day, int Reminders);

/// <summary>
/// <see cref="DaysSalesOutstanding"/>: what is left to pay over what was invoiced in the period, times its days.
/// <see cref="RecoveryRate"/>: of what fell due in the period (after credit notes), the share paid. <see cref="Provisioned"/>:
/// provisions standing on the unpaid receivables; <see cref="WrittenOff"/>: lost in write-offs during the period.
/// </summary>
public sealed record CollectionsFiguresView(DateOnly From, DateOnly To, IReadOnlyList<AgeBand> AgeBands, decimal OpenOutstanding, decimal Invoiced,
    decimal DaysSalesOutstanding, IReadOnlyList<RemindersOnDay> RemindersPerDay, decimal RecoveryRate, decimal Provisioned, decimal WrittenOff, int WriteOffs);

public sealed class CollectionsFiguresHandler(ICurrentUser user, TimeProvider clock)
{
    private static readonly (int From, int? To)[] Bands = [(int.MinValue, 0), (1, 30), (31, 60), (61, 90), (91, 180), (181, 365), (366, null)];

    public async Task<CollectionsFiguresView> HandleAsync(GetCollectionsFigures query, IQuerySession session, CancellationToken cancellationToken)
    {
        var entityId = query.EntityId ?? user.EntityId ?? throw new NotFoundException("Entity", "none");
        user.EnsureEntityOf(entityId);
        var to = query.To ?? clock.Today();
        var from = query.From ?? to.AddDays(-364);
        var scope = session.Query<Receivable>().VisibleTo(user).Where(r => r.EntityId == entityId);
        if (query.OfficeId is { } officeId) scope = scope.Where(r => r.OfficeId == officeId);
        var receivables = await scope.Where(r => r.IssueDate <= to).ToListAsync(cancellationToken);
        return Compute(receivables, from, to);
    }

    internal static CollectionsFiguresView Compute(IReadOnlyList<Receivable> receivables, DateOnly from, DateOnly to)
    {
        var unpaid = receivables.Where(r => r.Status is ReceivableStatus.Open or ReceivableStatus.Disputed && r.Outstanding > 0).ToList();
        var bands = Bands.Select(b =>
        {
            var inBand = unpaid.Where(r => to.DayNumber - r.DueDate.DayNumber is var late && late >= b.From && (b.To is null || late <= b.To)).ToList();
            return new AgeBand(Math.Max(b.From, 0), b.To, inBand.Count, inBand.Sum(r => r.Outstanding));
        }).ToList();
        var open = unpaid.Sum(r => r.Outstanding);
        var invoiced = receivables.Where(r => r.IssueDate >= from).Sum(r => r.Amount - r.Credited);
        var days = to.DayNumber - from.DayNumber + 1;
        var reminders = receivables.SelectMany(r => r.Steps)
            .Where(s => s.Channel == DunningChannel.Email && s.TakenOn is { } on && on >= from && on <= to)
            .GroupBy(s => s.TakenOn!.Value).OrderBy(g => g.Key).Select(g => new RemindersOnDay(g.Key, g.Count())).ToList();
        var fellDue = receivables.Where(r => r.DueDate >= from && r.DueDate <= to && r.Status != ReceivableStatus.Cancelled).ToList();
        var owed = fellDue.Sum(r => r.Amount - r.Credited);
        var paid = fellDue.Sum(r => Math.Min(r.Received - r.CreditUsed, r.Amount - r.Credited));
        var writtenOff = receivables.Where(r => r.WrittenOffOn is { } on && on >= from && on <= to).ToList();
        return new CollectionsFiguresView(from, to, bands, open, invoiced, invoiced == 0 ? 0 : Math.Round(open / invoiced * days, 1), reminders,
            owed == 0 ? 0 : Math.Round(paid / owed, 4), unpaid.Sum(r => r.Provisioned), writtenOff.Sum(r => r.WrittenOff), writtenOff.Count);
    }
}

public static class CollectionsFiguresEndpoint
{
    [WolverineGet("/api/collections/figures", OperationId = "GetCollectionsFigures"), Authorize(SmartPolicies.Staff)]
    [ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("Collections' figures of an entity or office over a period (staff): unpaid receivables by age band, DSO, reminders per day, recovery rate, provisions and write-offs.")]
    public static async Task<Ok<CollectionsFiguresView>> Get(Guid? entityId, Guid? officeId, DateOnly? from, DateOnly? to, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<CollectionsFiguresView>(new GetCollectionsFigures(entityId, officeId, from, to), ct));
}
