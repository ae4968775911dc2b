using Smart.BuildingBlocks.Bus;
using System.Runtime.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
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

internal sealed record ReviseCdiEstimateRequest(DateOnly FromMonth, decimal YearlyRevenue)
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

internal sealed record PayCdiMonthRequest(DateOnly Month)
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

internal sealed record EndCdiSmoothingRequest(DateOnly LastMonth);

public sealed record GetCdiSmoothingPlan(Guid PlanId);

public sealed record CdiSmoothingPlanView(Guid Id, Guid ActivityId, Guid MemberId, DateOnly StartMonth, DateOnly? EndMonth, IReadOnlyList<CdiEstimateView> Estimates,
    IReadOnlyList<CdiMonth> Months, CdiSmoothingReport Report);

public sealed record CdiEstimateView(DateOnly FromMonth, decimal YearlyRevenue, decimal ContributionRate, decimal MonthlyBudget, DateOnly RevisedOn);

public sealed class CdiSmoothingHandler(PayrollDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The plan's id, and its first month's message scheduled for the month's last day.</summary>
    public async Task<(Guid, ScheduledMessage<CdiMonthDue>)> HandleAsync(StartCdiSmoothing command, CancellationToken cancellationToken)
    {
        var activity = await db.MemberActivities.VisibleTo(user, a => a.EntityId, a => a.OfficeId, a => a.CoordinatorId)
                .SingleOrDefaultAsync(a => a.ActivityId == command.ActivityId, cancellationToken)
            ?? throw new NotFoundException("Activity", command.ActivityId);
        var today = clock.Today();
        var exists = await db.CdiSmoothingPlans.AnyAsync(p => p.ActivityId == activity.ActivityId, cancellationToken);
        var rate = (await db.PayRulesAsync(activity.EntityId, CdiSmoothingPlan.MonthOf(command.StartMonth), cancellationToken)).ContributionRate;
        var plan = CdiSmoothingPlan.Start(activity.ActivityId, activity.CoordinatorId, activity.EntityId, activity.OfficeId, command.StartMonth,
            command.YearlyRevenue, rate, exists, today);
        db.CdiSmoothingPlans.Add(plan);
        return (plan.Id, CdiPayments.MonthDue(plan.Id, plan.StartMonth, clock));
    }

    public async Task HandleAsync(ReviseCdiEstimate command, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(command.PlanId, cancellationToken);
        var rate = (await db.PayRulesAsync(plan.EntityId, CdiSmoothingPlan.MonthOf(command.FromMonth), cancellationToken)).ContributionRate;
        plan.Revise(command.FromMonth, command.YearlyRevenue, rate, clock.Today());
    }

    public async Task HandleAsync(EndCdiSmoothing command, CancellationToken cancellationToken) =>
        (await PlanAsync(command.PlanId, cancellationToken)).End(command.LastMonth, clock.Today());

    /// <summary>The month paid, and its cost charged to the activity.</summary>
    public async Task<(CdiMonth, ChargeActivity)> HandleAsync(PayCdiMonth command, CancellationToken cancellationToken) =>
        await db.PayCdiMonthAsync(await PlanAsync(command.PlanId, cancellationToken), command.Month, clock.Today(), cancellationToken);

    public async Task<CdiSmoothingPlanView> HandleAsync(GetCdiSmoothingPlan query, CancellationToken cancellationToken)
    {
        var plan = await db.CdiSmoothingPlans.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(p => p.Id == query.PlanId, cancellationToken)
            ?? throw new NotFoundException("CDI smoothing plan", query.PlanId);
        var today = clock.Today();
        var realRevenue = await db.ClientInvoices.Where(i => i.ActivityId == plan.ActivityId && i.IssueDate >= plan.StartMonth && i.IssueDate <= today)
            .SumAsync(i => i.Net, cancellationToken);
        return new CdiSmoothingPlanView(plan.Id, plan.ActivityId, plan.MemberId, plan.StartMonth, plan.EndMonth,
            plan.Estimates.OrderBy(e => e.FromMonth).Select(e => new CdiEstimateView(e.FromMonth, e.YearlyRevenue, e.ContributionRate, e.MonthlyBudget, e.RevisedOn))
                .ToList(),
            plan.Months.OrderBy(m => m.Month).ToList(), plan.Report(realRevenue, today));
    }

    private async Task<CdiSmoothingPlan> PlanAsync(Guid planId, CancellationToken cancellationToken) =>
        await db.CdiSmoothingPlans.VisibleTo(user).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)
        ?? throw new NotFoundException("CDI smoothing plan", planId);
}

internal sealed class CdiSmoothingEndpoints : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapCreateCommand<StartCdiSmoothing>("/cdi-plans", "/api/payroll/cdi-plans/")
            .RequireAuthorization(SmartPolicies.Staff)
            .WithName("StartCdiSmoothing")
            .WithSummary("Puts an activity's coordinator on a fixed monthly CDI salary from a yearly revenue estimate.");

        module.MapPost("/cdi-plans/{planId:guid}/revisions", async (Guid planId, ReviseCdiEstimateRequest request, IMessageBus bus, CancellationToken ct) =>
            {
                await bus.InvokeAsync(new ReviseCdiEstimate(planId, request.FromMonth, request.YearlyRevenue), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(SmartPolicies.Staff)
            .WithName("ReviseCdiEstimate")
            .WithSummary("Revises the yearly revenue estimate from a month on.")
            .ProducesCommandProblems();

        module.MapPost("/cdi-plans/{planId:guid}/end", async (Guid planId, EndCdiSmoothingRequest request, IMessageBus bus, CancellationToken ct) =>
            {
                await bus.InvokeAsync(new EndCdiSmoothing(planId, request.LastMonth), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(SmartPolicies.Staff)
            .WithName("EndCdiSmoothing")
            .WithSummary("Ends a plan with its last month paid (the current month or later, never before a month already paid).")
            .ProducesCommandProblems();

        module.MapPost("/cdi-plans/{planId:guid}/months", async (Guid planId, PayCdiMonthRequest request, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<CdiMonth>(new PayCdiMonth(planId, request.Month), ct)))
            .RequireAuthorization(SmartPolicies.Operator)
            .WithName("PayCdiMonth")
            .WithSummary("Pays a month of a CDI smoothing plan from its last day: payslip figures, and the salary cost charged to the activity.")
            .ProducesCommandProblems();

        module.MapGet("/cdi-plans/{planId:guid}", async (Guid planId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<CdiSmoothingPlanView>(new GetCdiSmoothingPlan(planId), ct)))
            .WithName("GetCdiSmoothingPlan")
            .WithSummary("A CDI smoothing plan with its estimates, months paid and the estimate-versus-revenue report (the member sees their own).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

/// <summary>
/// The monthly run of one plan: scheduled by Payroll for itself at 00:00 UTC on the month's last day (its pay day), it
/// pays the month unless an operator already did, then schedules the next month. The chain starts with the plan and
/// stops after its last month, once it has one.
/// </summary>
[DataContract(Name = "payroll.cdi-month-due.v1")]
public sealed record CdiMonthDue(Guid PlanId, DateOnly Month);

public sealed class CdiMonthDueHandler(PayrollDbContext db, TimeProvider clock)
{
    /// <summary>The month's cost charged to the activity (unless already paid), and the next month's message.</summary>
    public async Task<OutgoingMessages> HandleAsync(CdiMonthDue message, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var plan = await db.CdiSmoothingPlans.SingleOrDefaultAsync(p => p.Id == message.PlanId, cancellationToken)
            ?? throw new NotFoundException("CDI smoothing plan", message.PlanId);
        if (!plan.Covers(message.Month))
        {
            return outgoing; // ended before this month
        }
        if (!plan.IsPaid(message.Month))
        {
            outgoing.Add((await db.PayCdiMonthAsync(plan, message.Month, clock.Today(), cancellationToken)).Charge);
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
    public static async Task<(CdiMonth Month, ChargeActivity Charge)> PayCdiMonthAsync(this PayrollDbContext db, CdiSmoothingPlan plan, DateOnly month,
        DateOnly today, CancellationToken cancellationToken)
    {
        var first = CdiSmoothingPlan.MonthOf(month);
        var last = CdiSmoothingPlan.PayDayOf(first);
        var budget = plan.BudgetToPay(first, today);
        var employee = await db.Employees.SingleOrDefaultAsync(e => e.MemberId == plan.MemberId, cancellationToken)
            ?? throw new NotFoundException("Employee", plan.MemberId);
        // A CDI month is a whole calendar month: its social-security ceiling is the monthly one.
        var table = await db.ContributionTableAsync(plan.EntityId, ContractCategory.Employee, first, cancellationToken);
        var ceiling = (await db.CeilingAsync(first, cancellationToken)).PerMonth;
        var figures = PayFigures.Compute(budget, CappedLine.For(table, ceiling), employee.IncomeTaxRateOn(last));
        var paid = plan.Pay(first, today, figures.Gross, figures.EmployeeContributions, figures.EmployerContributions, figures.Net, figures.IncomeTax);
        return (paid, new ChargeActivity(paid.ChargeId, plan.ActivityId, ActivityChargeKind.SalaryCost, paid.EmployerCost, last,
            $"Salaire CDI lissé {first:yyyy-MM} (brut {paid.Gross:0.00})", "Payroll"));
    }
}
