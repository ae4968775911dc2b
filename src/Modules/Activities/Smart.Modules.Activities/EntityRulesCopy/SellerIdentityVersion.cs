using Marten;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Activities.Domain.Invoicing;
using Smart.BuildingBlocks.Documents;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Activities.EntityRulesCopy;

/// <summary>
/// Activities' copy of a version of an entity's legal identity (Governance's <see cref="EntityLegalIdentityChanged"/>):
/// what sales documents print about their seller from <see cref="EffectiveFrom"/>, logo included. Versions are never
/// changed, so a document issued on a date finds the same version years later.
/// </summary>
internal sealed class SellerIdentityVersion : IEffectiveDated
{
    private SellerIdentityVersion()
    {
        Id = null!;
        Identity = null!;
    }

    public string Id { get; private set; }

    public Guid EntityId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public EntityLegalIdentity Identity { get; private set; }

    public EntityLogo? Logo { get; private set; }

    public static SellerIdentityVersion From(EntityLegalIdentityChanged changed) => new()
    {
        Id = EntityRules.IdOf(changed.EntityId, changed.EffectiveFrom),
        EntityId = changed.EntityId,
        EffectiveFrom = changed.EffectiveFrom,
        Identity = changed.Identity,
        Logo = changed.Logo,
    };

    public SellerIdentity ToSeller()
    {
        var i = Identity;
        return new SellerIdentity(i.LegalName, i.LegalForm, i.ShareCapital,
            AddressLines.Of(i.Address.Line1, i.Address.Line2, i.Address.PostalCode, i.Address.City, i.Address.Country),
            i.Siren, i.Siret, i.RcsCity, i.VatNumber, i.ApeCode, i.Iban, i.Bic, i.LatePaymentPenaltyRate, i.RecoveryIndemnity, Logo is null ? null : Id);
    }
}

internal static class SellerIdentityQueries
{
    /// <summary>What is missing when no identity is in force (<see cref="InForce.Missing"/>).</summary>
    public const string What = "legal identity of the entity (name, SIREN, VAT number… printed on its documents)";

    /// <summary>The seller's identity in force on a document's date; without one no legal document can be issued (409).</summary>
    public static async Task<SellerIdentityVersion> SellerIdentityAsync(this IQuerySession session, Guid entityId, DateOnly date, CancellationToken cancellationToken) =>
        await session.FindSellerIdentityAsync(entityId, date, cancellationToken)
        ?? throw InForce.Missing(What, date);

    public static Task<SellerIdentityVersion?> FindSellerIdentityAsync(this IQuerySession session, Guid entityId, DateOnly date, CancellationToken cancellationToken) =>
        session.Query<SellerIdentityVersion>().Where(v => v.EntityId == entityId).EffectiveOn(date).FirstOrDefaultAsync(cancellationToken);
}
