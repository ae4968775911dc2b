using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Persistence;
using Smart.Modules.Payroll.Persistence;

namespace Smart.Modules.Payroll;

/// <summary>Payroll: employment contracts, payslips and guaranteed pay.</summary>
public sealed class PayrollModule : Module
{
    public override string Name => "Payroll";

    public override string Schema => PayrollDbContext.SchemaName;

    public override Type DbContextType => typeof(PayrollDbContext);

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<PayrollDbContext>(Schema);
}
