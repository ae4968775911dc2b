using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.PayRulesCopy;

namespace Smart.Modules.Payroll.Inbound;

// Governance's events: Payroll keeps its copies of the entities' pay-out rules and of the members as employees.

public sealed class EntitySettingsChangedHandler(Persistence.PayrollDbContext db)
{
    public async Task HandleAsync(EntitySettingsChanged changed, CancellationToken cancellationToken)
    {
        if (await db.PayRules.FindAsync([changed.EntityId, changed.EffectiveFrom], cancellationToken) is null)
        {
            db.PayRules.Add(PayRules.From(changed));
        }
    }
}

public sealed class MemberRegisteredHandler(Persistence.PayrollDbContext db)
{
    public async Task HandleAsync(MemberRegistered registered, CancellationToken cancellationToken)
    {
        if (await db.Employees.FindAsync([registered.MemberId], cancellationToken) is null)
        {
            db.Employees.Add(Employee.From(registered));
        }
    }
}
