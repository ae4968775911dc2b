using Smart.Modules.Activities.Domain.Clients;

namespace Smart.Modules.Activities.Domain.Invoicing;

/// <summary>
/// The seller as a sales document printed it: the entity's legal identity in force on the document's date (Code de
/// commerce L441-9, CGI art. 242 nonies A), with the terms of payment it states. <see cref="LogoId"/> names the identity
/// version whose logo heads the document.
/// </summary>
internal sealed record SellerIdentity(
    string LegalName, string LegalForm, decimal? ShareCapital, IReadOnlyList<string> Address, string Siren, string Siret, string RcsCity, string VatNumber,
    string ApeCode, string Iban, string Bic, decimal LatePaymentPenaltyRate, decimal RecoveryIndemnity, string? LogoId);

/// <summary>The client as the document printed it: name, billing address, and for a business its SIREN and VAT number.</summary>
internal sealed record BuyerIdentity(string Name, ClientLegalForm LegalForm, IReadOnlyList<string> Address, string? Siren, string? VatNumber)
{
    /// <summary>A client buying for its business owes the fixed recovery indemnity when late (Code de commerce L441-10); a private person does not.</summary>
    public bool IsBusiness => LegalForm != ClientLegalForm.Individual;
}

/// <summary>Who to ask about the document: the activity and its coordinator.</summary>
internal sealed record DocumentContact(string ActivityName, string CoordinatorName, string? CoordinatorEmail);

/// <summary>
/// Everything at the head of a sales document (invoice, credit note, quote, contract document), copied when it is
/// issued so that it reads the same years later, whatever the entity, the client or the activity become.
/// </summary>
internal sealed record DocumentHeading(SellerIdentity Seller, BuyerIdentity Buyer, DocumentContact Contact);
