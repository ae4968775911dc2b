using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Validation;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Entities;

/// <summary>
/// Who the entity is in law from <see cref="EffectiveFrom"/> until the next version: what its invoices and payslips print.
/// Identifiers are kept compact (no spaces, upper case) and with right check keys, so a document never needs reissuing
/// for a typo in them.
/// </summary>
internal sealed class EntityLegalIdentityVersion : IEffectiveDated
{
    private EntityLegalIdentityVersion()
    {
        Identity = null!;
    }

    public EntityLegalIdentityVersion(DateOnly effectiveFrom, EntityLegalIdentity identity, byte[]? logo = null)
    {
        identity = Normalized(identity);
        BusinessRules.Check(new LegalIdentityIsComplete(identity));
        BusinessRules.Check(new IdentifiersHaveValidKeys(identity));
        BusinessRules.Check(new SiretStartsWithSiren(identity.Siren, identity.Siret));
        BusinessRules.Check(new FrenchVatNumberCarriesSiren(identity.Siren, identity.VatNumber));
        BusinessRules.Check(new EntitySettingsVersion.RateIsAFraction("late-payment penalty rate", identity.LatePaymentPenaltyRate));
        BusinessRules.Check(new AmountIsNotNegative("recovery indemnity", identity.RecoveryIndemnity));
        BusinessRules.Check(new AmountIsNotNegative("share capital", identity.ShareCapital ?? 0m));
        BusinessRules.Check(new LogoIsAnImage(logo));
        EffectiveFrom = effectiveFrom;
        Identity = identity;
        Logo = logo;
    }

    public DateOnly EffectiveFrom { get; private set; }

    public EntityLegalIdentity Identity { get; private set; }

    /// <summary>PNG or JPEG bytes (<see cref="EntityLogos"/>), or none.</summary>
    public byte[]? Logo { get; private set; }

    public EntityLogo? LogoWithType => Logo is null ? null : new EntityLogo(EntityLogos.ContentTypeOf(Logo)!, Logo);

    private static EntityLegalIdentity Normalized(EntityLegalIdentity identity) => identity with
    {
        LegalName = identity.LegalName?.Trim()!,
        LegalForm = identity.LegalForm?.Trim()!,
        Address = identity.Address is null ? null! : identity.Address with
        {
            Line1 = identity.Address.Line1?.Trim()!,
            Line2 = string.IsNullOrWhiteSpace(identity.Address.Line2) ? null : identity.Address.Line2.Trim(),
            PostalCode = identity.Address.PostalCode?.Trim()!,
            City = identity.Address.City?.Trim()!,
            Country = identity.Address.Country?.Trim().ToUpperInvariant()!,
        },
        Siren = CompactOrNull(identity.Siren),
        Siret = CompactOrNull(identity.Siret),
        RcsCity = identity.RcsCity?.Trim()!,
        VatNumber = CompactOrNull(identity.VatNumber),
        ApeCode = CompactOrNull(identity.ApeCode)?.Replace(".", "", StringComparison.Ordinal)!,
        CollectiveAgreement = identity.CollectiveAgreement?.Trim()!,
        Urssaf = identity.Urssaf?.Trim()!,
        Iban = CompactOrNull(identity.Iban),
        Bic = CompactOrNull(identity.Bic),
    };

    private static string CompactOrNull(string? value) => value is null ? null! : LegalIdentifiers.Compact(value);

    private sealed record LegalIdentityIsComplete(EntityLegalIdentity Identity) : IBusinessRule
    {
        private IEnumerable<string> Missing()
        {
            var i = Identity;
            var texts = new (string Name, string? Value)[]
            {
                ("legal name", i.LegalName), ("legal form", i.LegalForm), ("RCS city", i.RcsCity), ("collective agreement", i.CollectiveAgreement),
                ("URSSAF", i.Urssaf), ("address", i.Address?.Line1), ("postal code", i.Address?.PostalCode), ("city", i.Address?.City),
                ("country", i.Address?.Country),
            };
            return texts.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Name);
        }

        public bool IsBroken() => Missing().Any();

        public string Message => $"A legal identity names everything documents print; missing: {string.Join(", ", Missing())}.";
    }

    private sealed record IdentifiersHaveValidKeys(EntityLegalIdentity Identity) : IBusinessRule
    {
        private IEnumerable<string> Wrong()
        {
            var i = Identity;
            if (!LegalIdentifiers.IsSiren(i.Siren)) yield return "SIREN";
            if (!LegalIdentifiers.IsSiret(i.Siret)) yield return "SIRET";
            if (!EntityLegalIdentities.IsVatNumber(i.VatNumber)) yield return "VAT number";
            if (!LegalIdentifiers.IsApeCode(i.ApeCode)) yield return "APE code";
            if (!LegalIdentifiers.IsIban(i.Iban)) yield return "IBAN";
            if (!LegalIdentifiers.IsBic(i.Bic)) yield return "BIC";
        }

        public bool IsBroken() => Wrong().Any();

        public string Message => $"These identifiers are malformed or their check key is wrong: {string.Join(", ", Wrong())}.";
    }

    private sealed record SiretStartsWithSiren(string Siren, string Siret) : IBusinessRule
    {
        public bool IsBroken() => !Siret.StartsWith(Siren, StringComparison.Ordinal);

        public string Message => $"The SIRET {Siret} is not an establishment of SIREN {Siren}: it must start with it.";
    }

    private sealed record FrenchVatNumberCarriesSiren(string Siren, string VatNumber) : IBusinessRule
    {
        public bool IsBroken() => VatNumber.StartsWith("FR", StringComparison.Ordinal) && VatNumber[4..] != Siren;

        public string Message => $"The French VAT number {VatNumber} does not carry the SIREN {Siren}.";
    }

    private sealed record AmountIsNotNegative(string Name, decimal Amount) : IBusinessRule
    {
        public bool IsBroken() => Amount < 0m;

        public string Message => $"The {Name} cannot be negative ({Amount}).";
    }

    private sealed record LogoIsAnImage(byte[]? Logo) : IBusinessRule
    {
        public bool IsBroken() => Logo is not null && (EntityLogos.ContentTypeOf(Logo) is null || Logo.Length > EntityLogos.MaxBytes);

        public string Message => $"A logo is a PNG or JPEG image of at most {EntityLogos.MaxBytes / 1024} KB.";
    }
}

/// <summary>What an entity's logo may be: small enough to travel in every identity event and to embed in each document.</summary>
internal static class EntityLogos
{
    public const int MaxBytes = 256 * 1024;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image type told by the file's first bytes (its magic number), not by what a client claims; null if neither.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> content) =>
        content.StartsWith(PngSignature) ? "image/png"
        : content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF ? "image/jpeg"
        : null;
}

/// <summary>Identity checks that depend on the country of the number.</summary>
internal static class EntityLegalIdentities
{
    /// <summary>A French VAT number with its key, or another EU country's number in its general shape (country, 2 to 12 letters or digits).</summary>
    public static bool IsVatNumber(string? value)
    {
        if (value is null) return false;
        var vat = LegalIdentifiers.Compact(value);
        return vat.StartsWith("FR", StringComparison.Ordinal)
            ? LegalIdentifiers.IsFrenchVatNumber(vat)
            : vat.Length is >= 4 and <= 14 && char.IsAsciiLetterUpper(vat[0]) && char.IsAsciiLetterUpper(vat[1]) && vat[2..].All(char.IsAsciiLetterOrDigit);
    }
}
