using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Modules;
using Smart.Modules.Payroll.Domain.Contracts;
using Smart.Modules.Payroll.Persistence;

namespace Smart.Modules.Payroll;

/// <summary>Payroll: employment contracts, payslips and guaranteed pay.</summary>
public sealed class PayrollModule() : Module("Payroll", PayrollDbContext.SchemaName, typeof(PayrollDbContext))
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        base.AddServices(services, configuration);
        services.AddScoped<IEmploymentDeclarations, StoredEmploymentDeclarations>();
    }
}
