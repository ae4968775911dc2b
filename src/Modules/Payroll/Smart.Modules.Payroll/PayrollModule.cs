using Smart.BuildingBlocks.Modules;
using Smart.Modules.Payroll.Persistence;

namespace Smart.Modules.Payroll;

/// <summary>Payroll: employment contracts, payslips and guaranteed pay.</summary>
public sealed class PayrollModule() : Module("Payroll", PayrollDbContext.SchemaName, typeof(PayrollDbContext));
