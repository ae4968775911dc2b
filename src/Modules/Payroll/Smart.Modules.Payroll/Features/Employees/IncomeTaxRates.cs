using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Persistence;

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

internal sealed record IncomeTaxRateInput(decimal Rate, DateOnly EffectiveFrom)
{
    public static IncomeTaxRateInput Example => new(0.075m, new DateOnly(2026, 4, 1));
}

public sealed class IncomeTaxRatesHandler(PayrollDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<IncomeTaxRateView> HandleAsync(GetIncomeTaxRates query, CancellationToken cancellationToken)
    {
        var employee = await FindAsync(query.MemberId, cancellationToken);
        return new IncomeTaxRateView(employee.MemberId, employee.IncomeTaxRateOn(clock.Today()), employee.IncomeTaxRates.OrderBy(r => r.EffectiveFrom).ToList());
    }

    public async Task HandleAsync(SetIncomeTaxRate command, CancellationToken cancellationToken)
    {
        var employee = await FindAsync(command.MemberId, cancellationToken);
        BusinessRules.Check(new TaxRateIsNotRetroactive(command.EffectiveFrom, clock.Today()));
        employee.SetIncomeTaxRate(command.EffectiveFrom, command.Rate);
    }

    private async Task<Employee> FindAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.Employees.VisibleTo(user).SingleOrDefaultAsync(e => e.MemberId == memberId, cancellationToken)
        ?? throw new NotFoundException("Employee", memberId);

    private sealed record TaxRateIsNotRetroactive(DateOnly EffectiveFrom, DateOnly Today) : IBusinessRule
    {
        public bool IsBroken() => EffectiveFrom < Today;

        public string Message => $"An income tax rate cannot take effect on {EffectiveFrom:yyyy-MM-dd}, before today ({Today:yyyy-MM-dd}).";
    }
}

internal sealed class IncomeTaxRateEndpoints : IEndpointDefinition
{
    public void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/employees/{memberId:guid}/income-tax-rates", async (Guid memberId, IMessageBus bus, CancellationToken ct) =>
                TypedResults.Ok(await bus.InvokeAsync<IncomeTaxRateView>(new GetIncomeTaxRates(memberId), ct)))
            .WithName("GetIncomeTaxRates")
            .WithSummary("The employee's withholding-tax rates by date and the rate in force today (0 % by default).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        module.MapPut("/employees/{memberId:guid}/income-tax-rate", async (Guid memberId, IncomeTaxRateInput request, IMessageBus bus, CancellationToken ct) =>
            {
                await bus.InvokeAsync(new SetIncomeTaxRate(memberId, request.Rate, request.EffectiveFrom), ct);
                return TypedResults.NoContent();
            })
            .WithName("SetIncomeTaxRate")
            .WithSummary("Sets the employee's withholding-tax rate (e.g. 0.075 for 7.5 %) from a date, today or later.")
            .ProducesCommandProblems();
    }
}
