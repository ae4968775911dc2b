using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Validation;

namespace Smart.Modules.Activities.Domain.Clients;

public enum ClientLegalForm
{
    Association,
    Company,
    Individual,
    PublicBody,
}

/// <summary>The class of client that sets default payment terms here and the dunning plan in Collections.</summary>
public enum ClientTypology
{
    Company,
    Association,
    PublicBody,
    Individual,
    Abroad,
}

public sealed record BillingAddress(string Line1, string? Line2, string PostalCode, string City, string Country);

/// <summary>
/// A customer billed by activities of one entity ("donneur d'ordre"): no login, only data. Its VAT number is
/// unique within the entity.
/// </summary>
internal sealed class Client : AggregateRoot
{
    public const int MaxPaymentTermsDays = 120;

    private Client()
    {
        Name = Country = BillingEmail = null!;
        BillingAddress = null!;
    }

    public Guid EntityId { get; private set; }

    public string Name { get; private set; }

    /// <summary>ISO 3166 alpha-2.</summary>
    public string Country { get; private set; }

    public ClientLegalForm LegalForm { get; private set; }

    public string? VatNumber { get; private set; }

    /// <summary>A French business's SIREN, printed on its invoices (compact: 9 digits).</summary>
    public string? Siren { get; private set; }

    public BillingAddress BillingAddress { get; private set; }

    public string BillingEmail { get; private set; }

    public int PaymentTermsDays { get; private set; }

    public ClientTypology Typology { get; private set; }

    public static Client Register(Guid entityId, string name, string country, ClientLegalForm legalForm, string? vatNumber,
        BillingAddress address, string billingEmail, ClientTypology typology, int paymentTermsDays, string? siren = null)
    {
        CheckRule(new PaymentTermsAreReasonable(paymentTermsDays));
        return new Client
        {
            Id = Guid.CreateVersion7(),
            EntityId = entityId,
            Name = name.Trim(),
            Country = country.ToUpperInvariant(),
            LegalForm = legalForm,
            VatNumber = NormalizeVatNumber(vatNumber),
            BillingAddress = address with { Country = address.Country.ToUpperInvariant() },
            BillingEmail = billingEmail.Trim().ToLowerInvariant(),
            Typology = typology,
            PaymentTermsDays = paymentTermsDays,
            Siren = NormalizeSiren(siren),
        };
    }

    public void ChangeBillingDetails(string name, BillingAddress address, string billingEmail, string? vatNumber, int paymentTermsDays, string? siren = null)
    {
        CheckRule(new PaymentTermsAreReasonable(paymentTermsDays));
        Name = name.Trim();
        BillingAddress = address with { Country = address.Country.ToUpperInvariant() };
        BillingEmail = billingEmail.Trim().ToLowerInvariant();
        VatNumber = NormalizeVatNumber(vatNumber);
        PaymentTermsDays = paymentTermsDays;
        Siren = NormalizeSiren(siren);
    }

    /// <summary>VAT numbers are compared without spaces, dots or dashes, upper case (FR 12 345678901 = FR12345678901).</summary>
    public static string? NormalizeVatNumber(string? vatNumber) =>
        string.IsNullOrWhiteSpace(vatNumber) ? null : new string(vatNumber.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    private static string? NormalizeSiren(string? siren) => string.IsNullOrWhiteSpace(siren) ? null : LegalIdentifiers.Compact(siren);

    private sealed record PaymentTermsAreReasonable(int Days) : IBusinessRule
    {
        public bool IsBroken() => Days is < 0 or > MaxPaymentTermsDays;

        public string Message => $"Payment terms go from 0 to {MaxPaymentTermsDays} days, not {Days}.";
    }
}

/// <summary>The VAT number is already used by another client of the entity.</summary>
internal sealed record ClientVatNumberIsUniqueInEntity(bool AlreadyUsed, string? VatNumber) : IBusinessRule
{
    public bool IsBroken() => AlreadyUsed;

    public string Message => $"Another client of this entity has VAT number {VatNumber}.";
}

/// <summary>Default payment terms of a typology from a date (configuration, effective-dated).</summary>
internal sealed class PaymentTermsDefault : IEffectiveDated
{
    private PaymentTermsDefault()
    {
        Id = null!;
    }

    public PaymentTermsDefault(ClientTypology typology, DateOnly effectiveFrom, int days)
    {
        Id = $"{typology}/{effectiveFrom:yyyy-MM-dd}";
        Typology = typology;
        EffectiveFrom = effectiveFrom;
        Days = days;
    }

    /// <summary>One version per typology and date.</summary>
    public string Id { get; private set; }

    public ClientTypology Typology { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public int Days { get; private set; }
}
