using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Persistence;
using Wolverine.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Smart.Modules.Payroll.Features.Employees;

public sealed record IncomeTaxRateView(Guid MemberId, decimal CurrentRate, IReadOnlyList<IncomeTaxRate> Rates);

public sealed record GetIncomeTaxRates(Guid MemberId);

/// <summary>
/// The member (for themselves) or staff who can see them set the rate of income tax withheld at source from a date, today
/// or later (payslips already issued keep their rate); a rate from the same date is replaced. Default: 0 %.
/// </summary>
public sealed record SetIncomeTaxRate(Guid MemberId, decimal Rate, DateOnly EffectiveFrom)
{
    internal sealed class Validator : AbstractValidator<SetIncomeTaxRate>
    {
        public Validator()
        {
            RuleFor(c => c.MemberId).NotEmpty();
            RuleFor(c => c.Rate).InclusiveBetween(0, 1).PrecisionScale(7, 6, ignoreTrailingZeros: true);
            RuleFor(c => c.EffectiveFrom).NotEmpty();
        }
    }
}

public sealed record IncomeTaxRateInput(decimal Rate, DateOnly EffectiveFrom)
{
    public static IncomeTaxRateInput Example => new(0.075m, new DateOnly(2026, 4, 1));
}

public sealed class IncomeTaxRatesHandler(ICurrentUser user, TimeProvider clock)
{
    public async Task<IncomeTaxRateView> HandleAsync(GetIncomeTaxRates query, IQuerySession session, CancellationToken cancellationToken)
    {
        var employee = await FindAsync(session, query.MemberId, cancellationToken);
        return new IncomeTaxRateView(employee.MemberId, employee.IncomeTaxRateOn(clock.Today()), employee.IncomeTaxRates.OrderBy(r => r.EffectiveFrom).ToList());
    }

    public async Task HandleAsync(SetIncomeTaxRate command, IDocumentSession session, CancellationToken cancellationToken)
    {
        var employee = await FindAsync(session, command.MemberId, cancellationToken);
        BusinessRules.Check(new TaxRateIsNotRetroactive(command.EffectiveFrom, clock.Today()));
        employee.SetIncomeTaxRate(command.EffectiveFrom, command.Rate);
        session.Update(employee);
    }

    private async Task<Employee> FindAsync(IQuerySession session, Guid memberId, CancellationToken cancellationToken) =>
        await session.Query<Employee>().VisibleTo(user).SingleOrDefaultAsync(e => e.MemberId == memberId, cancellationToken)
        ?? throw new NotFoundException("Employee", memberId);

    private sealed record TaxRateIsNotRetroactive(DateOnly EffectiveFrom, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => EffectiveFrom < Today;

        public string Message => $"An income tax rate cannot take effect on {EffectiveFrom:yyyy-MM-dd}, before today ({Today:yyyy-MM-dd}).";
    }
}

public static class IncomeTaxRateEndpoints
{
    [WolverineGet("/api/payroll/employees/{memberId:guid}/income-tax-rates", OperationId = "GetIncomeTaxRates"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The employee's withholding-tax rates by date and the rate in force today (0 % by default).")]
    public static async Task<Ok<IncomeTaxRateView>> Get(Guid memberId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<IncomeTaxRateView>(new GetIncomeTaxRates(memberId), ct));

    [WolverinePut("/api/payroll/employees/{memberId:guid}/income-tax-rate", OperationId = "SetIncomeTaxRate"), ProducesCommandProblems]
    [EndpointSummary("Sets the employee's withholding-tax rate (e.g. 0.075 for 7.5 %) from a date, today or later.")]
    public static async Task<NoContent> Set(Guid memberId, IncomeTaxRateInput request, IMessageBus bus, CancellationToken ct)
    {
        await bus.InvokeAsync(new SetIncomeTaxRate(memberId, request.Rate, request.EffectiveFrom), ct);
        return TypedResults.NoContent();
    }
}
