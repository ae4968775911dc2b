using FluentValidation;
using Smart.BuildingBlocks.Validation;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Entities;

namespace Smart.Modules.Governance.Features.Entities;

/// <summary>
/// One version of an entity's legal identity as sent over HTTP, and as read back (so a history can be sent again, e.g.
/// to create a test entity like another). Identifiers may carry spaces ("123 456 789"); they are stored compact. Rates
/// are fractions (0.1215 = 12.15 %). The logo is an optional PNG or JPEG in base64.
/// </summary>
public record LegalIdentityInput(
    DateOnly EffectiveFrom,
    string LegalName,
    string LegalForm,
    decimal? ShareCapital,
    PostalAddress Address,
    string Siren,
    string Siret,
    string RcsCity,
    string VatNumber,
    string ApeCode,
    string CollectiveAgreement,
    string Urssaf,
    string Iban,
    string Bic,
    decimal LatePaymentPenaltyRate,
    decimal RecoveryIndemnity,
    string? Logo = null)
{
    public const int MaxTextLength = 200;

    internal EntityLegalIdentityVersion ToVersion() => new(EffectiveFrom,
        new EntityLegalIdentity(LegalName, LegalForm, ShareCapital, Address, Siren, Siret, RcsCity, VatNumber, ApeCode, CollectiveAgreement, Urssaf, Iban, Bic,
            LatePaymentPenaltyRate, RecoveryIndemnity),
        Logo is null ? null : Convert.FromBase64String(Logo));

    internal static LegalIdentityInput From(EntityLegalIdentityVersion v)
    {
        var i = v.Identity;
        return new(v.EffectiveFrom, i.LegalName, i.LegalForm, i.ShareCapital, i.Address, i.Siren, i.Siret, i.RcsCity, i.VatNumber, i.ApeCode, i.CollectiveAgreement,
            i.Urssaf, i.Iban, i.Bic, i.LatePaymentPenaltyRate, i.RecoveryIndemnity, v.Logo is null ? null : Convert.ToBase64String(v.Logo));
    }

    public static LegalIdentityInput Example => new(new DateOnly(2027, 1, 1), "SMart FR", "SCIC SA à capital variable", null,
        new PostalAddress("18 rue des Artisans", null, "59000", "Lille", "FR"), "901 234 567", "901 234 567 00021", "Lille Métropole", "FR 15 901234567",
        "7490B", "Convention collective nationale des entreprises artistiques et culturelles (IDCC 1285)",
        "URSSAF Nord-Pas-de-Calais, compte n° 317 000 000 012 345", "FR76 4255 9100 0008 0012 3456 771", "CCOPFRPPXXX", 0.1215m, 40m);

    internal sealed class Validator : AbstractValidator<LegalIdentityInput>
    {
        public Validator()
        {
            RuleFor(i => i.EffectiveFrom).IsBusinessDate();
            RuleFor(i => i.LegalName).NotEmpty().MaximumLength(MaxTextLength);
            RuleFor(i => i.LegalForm).NotEmpty().MaximumLength(MaxTextLength);
            RuleFor(i => i.ShareCapital).GreaterThan(0m).LessThanOrEqualTo(1_000_000_000_000m).PrecisionScale(15, 2, ignoreTrailingZeros: true);
            RuleFor(i => i.Address).NotNull().SetValidator(new AddressValidator());
            RuleFor(i => i.Siren).NotEmpty().MaximumLength(40).IsSiren();
            RuleFor(i => i.Siret).NotEmpty().MaximumLength(40).IsSiret();
            RuleFor(i => i.Siret).Must((i, siret) => LegalIdentifiers.Compact(siret).StartsWith(LegalIdentifiers.Compact(i.Siren), StringComparison.Ordinal))
                .When(i => LegalIdentifiers.IsSiren(i.Siren) && LegalIdentifiers.IsSiret(i.Siret))
                .WithMessage("The SIRET is an establishment of the SIREN: it starts with it.");
            RuleFor(i => i.RcsCity).NotEmpty().MaximumLength(100);
            RuleFor(i => i.VatNumber).NotEmpty().MaximumLength(40).Must(EntityLegalIdentities.IsVatNumber)
                .WithMessage("A VAT number is a country code and the national number; a French one is FR, a 2-digit key matching the SIREN, and the SIREN.");
            RuleFor(i => i.VatNumber).Must((i, vat) => LegalIdentifiers.Compact(vat)[4..] == LegalIdentifiers.Compact(i.Siren))
                .When(i => LegalIdentifiers.IsFrenchVatNumber(i.VatNumber) && LegalIdentifiers.IsSiren(i.Siren))
                .WithMessage("The French VAT number carries the entity's SIREN.");
            RuleFor(i => i.ApeCode).NotEmpty().MaximumLength(10).IsApeCode();
            RuleFor(i => i.CollectiveAgreement).NotEmpty().MaximumLength(MaxTextLength);
            RuleFor(i => i.Urssaf).NotEmpty().MaximumLength(MaxTextLength);
            RuleFor(i => i.Iban).NotEmpty().MaximumLength(50).IsIban();
            RuleFor(i => i.Bic).NotEmpty().MaximumLength(20).IsBic();
            RuleFor(i => i.LatePaymentPenaltyRate).InclusiveBetween(0m, 0.99m).PrecisionScale(7, 6, ignoreTrailingZeros: true);
            RuleFor(i => i.RecoveryIndemnity).InclusiveBetween(0m, 10_000m).PrecisionScale(7, 2, ignoreTrailingZeros: true);
            // Base64 of at most MaxBytes: 4 characters per 3 bytes.
            RuleFor(i => i.Logo).MaximumLength((EntityLogos.MaxBytes + 2) / 3 * 4)
                .WithMessage($"A logo is at most {EntityLogos.MaxBytes / 1024} KB.")
                .Must(IsImage).When(i => i.Logo is not null)
                .WithMessage($"A logo is a PNG or JPEG image in base64, of at most {EntityLogos.MaxBytes / 1024} KB.");
        }

        private static bool IsImage(string? base64)
        {
            var bytes = new byte[EntityLogos.MaxBytes];
            return base64 is not null && Convert.TryFromBase64String(base64, bytes, out var length) && EntityLogos.ContentTypeOf(bytes.AsSpan(0, length)) is not null;
        }
    }

    private sealed class AddressValidator : AbstractValidator<PostalAddress>
    {
        public AddressValidator()
        {
            RuleFor(a => a.Line1).NotEmpty().MaximumLength(MaxTextLength);
            RuleFor(a => a.Line2).MaximumLength(MaxTextLength);
            RuleFor(a => a.PostalCode).NotEmpty().MaximumLength(20);
            RuleFor(a => a.City).NotEmpty().MaximumLength(100);
            RuleFor(a => a.Country).NotEmpty().Matches("^[A-Za-z]{2}$").WithMessage("An ISO 3166 alpha-2 country code, e.g. FR.");
        }
    }
}
