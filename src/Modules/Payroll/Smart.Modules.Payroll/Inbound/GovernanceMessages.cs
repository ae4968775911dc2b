using Marten;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.PayRulesCopy;

namespace Smart.Modules.Payroll.Inbound;

// Governance's events: Payroll keeps its copies of the entities' pay-out rules and legal identities, and of the members as employees.

public static class EntitySettingsChangedHandler
{
    /// <summary>A version is keyed by its entity and date: a redelivery writes the same copy again.</summary>
    public static void Handle(EntitySettingsChanged changed, IDocumentSession session) => session.Store(PayRules.From(changed));
}

public static class EntityLegalIdentityChangedHandler
{
    /// <summary>A version is keyed by its entity and date: a redelivery writes the same copy again (ADR 0093).</summary>
    public static void Handle(EntityLegalIdentityChanged changed, IDocumentSession session) => session.Store(EntityIdentity.From(changed));
}

public static class MemberRegisteredHandler
{
    /// <summary>Once: the copy then carries the member's income tax rates, which a redelivery must not wipe.</summary>
    public static async Task HandleAsync(MemberRegistered registered, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Employee>(registered.MemberId, cancellationToken) is null)
        {
            session.Insert(Employee.From(registered));
        }
    }
}
