using System.Runtime.Serialization;

namespace Smart.Modules.Governance.Contracts;

/// <summary>A postal address as printed on legal documents (country: ISO 3166 alpha-2).</summary>
public sealed record PostalAddress(string Line1, string? Line2, string PostalCode, string City, string Country);

/// <summary>An entity's logo, printed at the top of its documents (PNG or JPEG).</summary>
public sealed record EntityLogo(string ContentType, byte[] Content);

/// <summary>
/// Who the entity is in law, as its documents must say: French invoices (Code de commerce L441-9, CGI art. 242 nonies A)
/// name the seller with these; payslips (Code du travail R3243-1) name the employer with them. Documents copy the identity
/// in force on their date and keep that copy, so they read the same years later.
/// </summary>
/// <param name="LegalForm">e.g. "SCIC SA à capital variable".</param>
/// <param name="ShareCapital">Printed when the capital is fixed; null for a variable capital (the legal form says so).</param>
/// <param name="LatePaymentPenaltyRate">Yearly rate of the late-payment penalties printed on invoices (e.g. 0.1215).</param>
/// <param name="RecoveryIndemnity">The fixed recovery indemnity owed by a late business client (40 € in France, Code de commerce D441-5).</param>
/// <param name="CollectiveAgreement">The collective agreement applied to employees, with its IDCC (payslips).</param>
/// <param name="Urssaf">The body collecting social contributions and the employer's account there (payslips).</param>
public sealed record EntityLegalIdentity(
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
    decimal RecoveryIndemnity);

/// <summary>
/// An entity's legal identity from a date (never retroactive). Also published for every version when an entity's
/// identity is first recorded, so consumers hold the whole history. The logo travels with it once per version.
/// </summary>
[DataContract(Name = "governance.entity-legal-identity-changed.v1")]
public sealed record EntityLegalIdentityChanged(Guid EntityId, string EntityCode, DateOnly EffectiveFrom, EntityLegalIdentity Identity, EntityLogo? Logo);
