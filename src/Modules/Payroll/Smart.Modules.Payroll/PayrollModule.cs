using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Smart.BuildingBlocks.Modules;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Persistence;
using Smart.Modules.Payroll.Seed;

namespace Smart.Modules.Payroll;

/// <summary>Payroll: employment contracts, payslips and guaranteed pay.</summary>
public sealed class PayrollModule() : Module("Payroll", PayrollDbContext.SchemaName, typeof(PayrollDbContext))
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.AddScoped<IEmploymentDeclarations, StoredEmploymentDeclarations>();
    }

    public override async Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SeedPayrollDemoData(), cancellationToken);
    }
}
