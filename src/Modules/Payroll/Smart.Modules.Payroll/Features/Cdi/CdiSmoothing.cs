using Smart.BuildingBlocks.Bus;
using System.Runtime.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.BuildingBlocks.Validation;
using Smart.Modules.Activities.Contracts;
using Smart.Modules.Payroll.Domain.Cdi;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Features.Gdc;
using Smart.Modules.Payroll.Features.Rates;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Domain.Funding;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Contracts;
using Wolverine.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization;

namespace Smart.Modules.Payroll.Features.Cdi;

/// <summary>
/// Staff put the coordinator of an activity on CDI smoothing from a month (current or later) with an estimate of the
/// activity's yearly revenue excl. VAT; the monthly budget is what the estimate leaves after the entity's contribution,
/// divided by 12 (ADR 0037). One plan per activity (409).
/// </summary>
public sealed record StartCdiSmoothing(Guid ActivityId, DateOnly StartMonth, decimal YearlyRevenue)
{
    public static StartCdiSmoothing Example => new(Guid.Parse("0195f1a2-0000-7000-8000-0000000000a1"), new DateOnly(2026, 4, 1), 36_000.00m);

    internal sealed class Validator : AbstractValidator<StartCdiSmoothing>
    {
        public Validator()
        {
            RuleFor(c => c.ActivityId).NotEmpty();
            RuleFor(c => c.StartMonth).IsBusinessDate();
            RuleFor(c => c.YearlyRevenue).GreaterThan(0).LessThanOrEqualTo(10_000_000m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        }
    }
}

/// <summary>Staff revise the estimate from a month on (current or later, none paid from it).</summary>
public sealed record ReviseCdiEstimate(Guid PlanId, DateOnly FromMonth, decimal YearlyRevenue)
{
    internal sealed class Validator : AbstractValidator<ReviseCdiEstimate>
    {
        public Validator()
        {
            RuleFor(c => c.PlanId).NotEmpty();
            RuleFor(c => c.FromMonth).IsBusinessDate();
            RuleFor(c => c.YearlyRevenue).GreaterThan(0).LessThanOrEqualTo(10_000_000m).PrecisionScale(14, 2, ignoreTrailingZeros: true);
        }
    }
}

public sealed record ReviseCdiEstimateRequest(DateOnly FromMonth, decimal YearlyRevenue)
{
    public static ReviseCdiEstimateRequest Example => new(new DateOnly(2026, 7, 1), 30_000.00m);
}

/// <summary>
/// An operator runs a month of a plan, from its last day on: the payslip of the month's budget through the core
/// computation (employee contribution table of the month, the member's tax rate), and the employer cost charged to the
/// activity (<see cref="ChargeActivity"/>, kind <c>SalaryCost</c>). Once per month (409).
/// </summary>
public sealed record PayCdiMonth(Guid PlanId, DateOnly Month)
{
    internal sealed class Validator : AbstractValidator<PayCdiMonth>
    {
        public Validator()
        {
            RuleFor(c => c.PlanId).NotEmpty();
            RuleFor(c => c.Month).IsBusinessDate();
        }
    }
}

public sealed record PayCdiMonthRequest(DateOnly Month)
{
    public static PayCdiMonthRequest Example => new(new DateOnly(2026, 4, 1));
}

/// <summary>Staff end a plan (the member leaves the CDI): <see cref="LastMonth"/> is the last month it pays.</summary>
public sealed record EndCdiSmoothing(Guid PlanId, DateOnly LastMonth)
{
    internal sealed class Validator : AbstractValidator<EndCdiSmoothing>
    {
        public Validator()
        {
            RuleFor(c => c.PlanId).NotEmpty();
            RuleFor(c => c.LastMonth).IsBusinessDate();
        }
    }
}

public sealed record EndCdiSmoothingRequest(DateOnly LastMonth);

public sealed record GetCdiSmoothingPlan(Guid PlanId);

public sealed record CdiSmoothingPlanView(Guid Id, Guid ActivityId, Guid MemberId, DateOnly StartMonth, DateOnly? EndMonth, IReadOnlyList<CdiEstimateView> Estimates,
    IReadOnlyList<CdiMonth> Months, CdiSmoothingReport Report);

public sealed record CdiEstimateView(DateOnly FromMonth, decimal YearlyRevenue, decimal ContributionRate, decimal MonthlyBudget, DateOnly RevisedOn);

public sealed class CdiSmoothingHandler(ICurrentUser user, TimeProvider clock)
{
    /// <summary>The plan's id, and its first month's message scheduled for the month's last day.</summary>
    public async Task<(Guid, ScheduledMessage<CdiMonthDue>)> HandleAsync(StartCdiSmoothing command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var activity = await session.Query<MemberActivity>().VisibleTo(user, a => a.EntityId, a => a.OfficeId, a => a.CoordinatorId)
                .SingleOrDefaultAsync(a => a.ActivityId == command.ActivityId, cancellationToken)
            ?? throw new NotFoundException("Activity", command.ActivityId);
        var today = clock.Today();
        var exists = await session.Query<CdiSmoothingPlan>().AnyAsync(p => p.ActivityId == activity.ActivityId, cancellationToken);
        var rate = (await session.PayRulesAsync(activity.EntityId, CdiSmoothingPlan.MonthOf(command.StartMonth), cancellationToken)).ContributionRate;
        var plan = CdiSmoothingPlan.Start(activity.ActivityId, activity.CoordinatorId, activity.EntityId, activity.OfficeId, command.StartMonth,
            command.YearlyRevenue, rate, exists, today);
        session.Store(plan);
        return (plan.Id, CdiPayments.MonthDue(plan.Id, plan.StartMonth, clock));
    }

    public async Task HandleAsync(ReviseCdiEstimate command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(session, command.PlanId, cancellationToken);
        var rate = (await session.PayRulesAsync(plan.EntityId, CdiSmoothingPlan.MonthOf(command.FromMonth), cancellationToken)).ContributionRate;
        plan.Revise(command.FromMonth, command.YearlyRevenue, rate, clock.Today());
        session.Update(plan);
    }

    public async Task HandleAsync(EndCdiSmoothing command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(session, command.PlanId, cancellationToken);
        plan.End(command.LastMonth, clock.Today());
        session.Update(plan);
    }

    /// <summary>The month paid, and its cost charged to the activity.</summary>
    public async Task<(CdiMonth, ChargeActivity)> HandleAsync(PayCdiMonth command, IDocumentSession session, CancellationToken cancellationToken) =>
        await session.PayCdiMonthAsync(await PlanAsync(session, command.PlanId, cancellationToken), command.Month, clock.Today(), cancellationToken);

    public async Task<CdiSmoothingPlanView> HandleAsync(GetCdiSmoothingPlan query, IQuerySession session, CancellationToken cancellationToken)
    {
        var plan = await session.Query<CdiSmoothingPlan>().VisibleTo(user).SingleOrDefaultAsync(p => p.Id == query.PlanId, cancellationToken)
            ?? throw new NotFoundException("CDI smoothing plan", query.PlanId);
        var today = clock.Today();
        var realRevenue = await session.Query<ClientInvoice>().Where(i => i.ActivityId == plan.ActivityId && i.IssueDate >= plan.StartMonth && i.IssueDate <= today)
            .SumAsync(i => i.Net, cancellationToken);
        return new CdiSmoothingPlanView(plan.Id, plan.ActivityId, plan.MemberId, plan.StartMonth, plan.EndMonth,
            plan.Estimates.OrderBy(e => e.FromMonth).Select(e => new CdiEstimateView(e.FromMonth, e.YearlyRevenue, e.ContributionRate, e.MonthlyBudget, e.RevisedOn))
                .ToList(),
            plan.Months.OrderBy(m => m.Month).ToList(), plan.Report(realRevenue, today));
    }

    private async Task<CdiSmoothingPlan> PlanAsync(IQuerySession session, Guid planId, CancellationToken cancellationToken) =>
        await session.Query<CdiSmoothingPlan>().VisibleTo(user).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)
        ?? throw new NotFoundException("CDI smoothing plan", planId);
}

public static class CdiSmoothingEndpoints
{
    [WolverinePost("/api/payroll/cdi-plans", OperationId = "StartCdiSmoothing"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("Puts an activity's coordinator on a fixed monthly CDI salary from a yearly revenue estimate.")]
    public static Task<Created<ResourceCreated>> Start(StartCdiSmoothing command, IMessageBus bus, CancellationToken ct) =>
        bus.CreateAsync(command, "/api/payroll/cdi-plans/", ct);

    [WolverinePost("/api/payroll/cdi-plans/{planId:guid}/revisions", OperationId = "ReviseCdiEstimate"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("Revises the yearly revenue estimate from a month on.")]
    public static async Task<NoContent> Revise(Guid planId, ReviseCdiEstimateRequest request, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new ReviseCdiEstimate(planId, request.FromMonth, request.YearlyRevenue), ct);
        return TypedResults.NoContent();
    }

    [WolverinePost("/api/payroll/cdi-plans/{planId:guid}/end", OperationId = "EndCdiSmoothing"), Authorize(SmartPolicies.Staff), ProducesCommandProblems]
    [EndpointSummary("Ends a plan with its last month paid (the current month or later, never before a month already paid).")]
    public static async Task<NoContent> End(Guid planId, EndCdiSmoothingRequest request, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new EndCdiSmoothing(planId, request.LastMonth), ct);
        return TypedResults.NoContent();
    }

    [WolverinePost("/api/payroll/cdi-plans/{planId:guid}/months", OperationId = "PayCdiMonth"), Authorize(SmartPolicies.Operator), ProducesCommandProblems]
    [EndpointSummary("Pays a month of a CDI smoothing plan from its last day: payslip figures, and the salary cost charged to the activity.")]
    public static async Task<Ok<CdiMonth>> Pay(Guid planId, PayCdiMonthRequest request, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<CdiMonth>(new PayCdiMonth(planId, request.Month), ct));

    [WolverineGet("/api/payroll/cdi-plans/{planId:guid}", OperationId = "GetCdiSmoothingPlan"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A CDI smoothing plan with its estimates, months paid and the estimate-versus-revenue report (the member sees their own).")]
    public static async Task<Ok<CdiSmoothingPlanView>> Get(Guid planId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<CdiSmoothingPlanView>(new GetCdiSmoothingPlan(planId), ct));
}

/// <summary>
/// The monthly run of one plan: scheduled by Payroll for itself at 00:00 UTC on the month's last day (its pay day), it
/// pays the month unless an operator already did, then schedules the next month. The chain starts with the plan and
/// stops after its last month, once it has one.
/// </summary>
[DataContract(Name = "payroll.cdi-month-due.v1")]
public sealed record CdiMonthDue(Guid PlanId, DateOnly Month);

public sealed class CdiMonthDueHandler(TimeProvider clock)
{
    /// <summary>The month's cost charged to the activity (unless already paid), and the next month's message.</summary>
    public async Task<OutgoingMessages> HandleAsync(CdiMonthDue message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var plan = await session.LoadAsync<CdiSmoothingPlan>(message.PlanId, cancellationToken)
            ?? throw new NotFoundException("CDI smoothing plan", message.PlanId);
        if (!plan.Covers(message.Month))
        {
            return outgoing; // ended before this month
        }
        if (!plan.IsPaid(message.Month))
        {
            outgoing.Add((await session.PayCdiMonthAsync(plan, message.Month, clock.Today(), cancellationToken)).Charge);
        }
        var next = CdiSmoothingPlan.MonthOf(message.Month).AddMonths(1);
        if (plan.Covers(next))
        {
            outgoing.Add(CdiPayments.MonthDue(plan.Id, next, clock));
        }
        return outgoing;
    }
}

internal static class CdiPayments
{
    /// <summary>The month's message, due at 00:00 UTC on its last day.</summary>
    public static ScheduledMessage<CdiMonthDue> MonthDue(Guid planId, DateOnly month, TimeProvider clock) =>
        new CdiMonthDue(planId, month).ScheduledOn(new DateTimeOffset(CdiSmoothingPlan.PayDayOf(month).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), clock);

    /// <summary>Pays a month from its last day: the payslip figures from the month's budget, and the salary cost to charge to the activity.</summary>
    public static async Task<(CdiMonth Month, ChargeActivity Charge)> PayCdiMonthAsync(this IDocumentSession session, CdiSmoothingPlan plan, DateOnly month,
        DateOnly today, CancellationToken cancellationToken)
    {
        var first = CdiSmoothingPlan.MonthOf(month);
        var last = CdiSmoothingPlan.PayDayOf(first);
        var budget = plan.BudgetToPay(first, today);
        var employee = await session.LoadAsync<Employee>(plan.MemberId, cancellationToken)
            ?? throw new NotFoundException("Employee", plan.MemberId);
        // A CDI month is a whole calendar month: its social-security ceiling is the monthly one.
        var table = await session.ContributionTableAsync(plan.EntityId, ContractCategory.Employee, first, cancellationToken);
        var ceiling = (await session.CeilingAsync(first, cancellationToken)).PerMonth;
        var figures = PayFigures.Compute(budget, CappedLine.For(table, ceiling), employee.IncomeTaxRateOn(last));
        var paid = plan.Pay(first, today, figures.Gross, figures.EmployeeContributions, figures.EmployerContributions, figures.Net, figures.IncomeTax);
        session.Update(plan);
        return (paid, new ChargeActivity(paid.ChargeId, plan.ActivityId, ActivityChargeKind.SalaryCost, paid.EmployerCost, last,
            $"Salaire CDI lissé {first:yyyy-MM} (brut {paid.Gross:0.00})", "Payroll"));
    }
}
