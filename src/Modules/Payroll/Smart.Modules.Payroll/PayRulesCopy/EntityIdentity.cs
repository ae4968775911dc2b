using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Domain.Payslips;

namespace Smart.Modules.Payroll.PayRulesCopy;

/// <summary>
/// Payroll's copy of a version of an entity's legal identity, as Governance published it (logo included): the employer a
/// payslip names is the version in force on the payslip's date.
/// </summary>
internal sealed class EntityIdentity : IEffectiveDated
{
    private EntityIdentity()
    {
        Id = null!;
        Identity = null!;
    }

    /// <summary>The entity and the date: a redelivery writes the same copy again.</summary>
    public string Id { get; private set; }

    public Guid EntityId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public EntityLegalIdentity Identity { get; private set; }

    public EntityLogo? Logo { get; private set; }

    public static EntityIdentity From(EntityLegalIdentityChanged changed) => new()
    {
        Id = PayRules.IdOf(changed.EntityId, changed.EffectiveFrom),
        EntityId = changed.EntityId,
        EffectiveFrom = changed.EffectiveFrom,
        Identity = changed.Identity,
        Logo = changed.Logo,
    };

    /// <summary>The employer as a payslip prints it; the logo stays here, named by this version's id.</summary>
    public PayslipEmployer ToEmployer() => new(Identity.LegalName, Identity.LegalForm, Identity.Address, Identity.Siret, Identity.ApeCode,
        Identity.CollectiveAgreement, Identity.Urssaf, Logo is null ? null : Id);
}
