using Smart.Modules.Governance.Contracts;
using Smart.Modules.Governance.Domain.Entities;

namespace Smart.Modules.Governance.Seed;

/// <summary>
/// The demo entities' legal identities from their first day. The numbers are made up but their keys are right (SIREN and
/// SIRET Luhn, VAT key, IBAN mod 97 and RIB key), so they pass the checks a real identity passes. SmartFr moved its head
/// office from Paris to Lille in 2021: a second version, with the new establishment's SIRET, gives documents a history.
/// </summary>
internal static class DemoLegalIdentities
{
    /// <summary>Yearly late-payment penalty rate: the ECB rate (2.15 %) plus 10 points.</summary>
    private const decimal PenaltyRate = 0.1215m;

    /// <summary>Code de commerce D441-5.</summary>
    private const decimal RecoveryIndemnity = 40m;

    private const string CreditCooperatif = "CCOPFRPPXXX";

    private const string SyntecAgreement =
        "Convention collective nationale des bureaux d'études techniques, cabinets d'ingénieurs-conseils et sociétés de conseils (Syntec, IDCC 1486)";

    public static IReadOnlyList<EntityLegalIdentityVersion> SmartFr =>
    [
        new(new DateOnly(2013, 1, 1), SmartFrIdentity(new PostalAddress("27 rue de la Coopération", null, "75011", "Paris", "FR"), "90123456700013", "Paris",
            "URSSAF Île-de-France, compte n° 757 000 000 001 234")),
        new(new DateOnly(2021, 9, 1), SmartFrIdentity(new PostalAddress("18 rue des Artisans", "Bâtiment B", "59000", "Lille", "FR"), "90123456700021", "Lille Métropole",
            "URSSAF Nord-Pas-de-Calais, compte n° 317 000 000 012 345")),
    ];

    public static IReadOnlyList<EntityLegalIdentityVersion> GrandsEnsemble =>
    [
        new(new DateOnly(2019, 1, 1), new EntityLegalIdentity("Grands Ensemble", "SCOP SARL à capital variable", null,
            new PostalAddress("5 place du Théâtre", null, "59800", "Lille", "FR"), "912345675", "91234567500017", "Lille Métropole", "FR65912345675", "7022Z",
            SyntecAgreement, "URSSAF Nord-Pas-de-Calais, compte n° 317 000 000 023 456", "FR7642559100000800234567846", CreditCooperatif, PenaltyRate, RecoveryIndemnity)),
    ];

    public static IReadOnlyList<EntityLegalIdentityVersion> Alterna =>
    [
        new(new DateOnly(2020, 1, 1), new EntityLegalIdentity("Alterna", "SCIC SAS à capital variable", null,
            new PostalAddress("42 quai Saint-Vincent", null, "69001", "Lyon", "FR"), "923456784", "92345678400019", "Lyon", "FR21923456784", "7022Z",
            SyntecAgreement, "URSSAF Rhône-Alpes, compte n° 827 000 000 034 567", "FR7642559100000800345678921", CreditCooperatif, PenaltyRate, RecoveryIndemnity)),
    ];

    public static IReadOnlyList<EntityLegalIdentityVersion> CoopPortage =>
    [
        new(new DateOnly(2022, 1, 1), new EntityLegalIdentity("Coop Portage", "SCOP SA", 40_000m,
            new PostalAddress("3 passage des Indépendants", null, "75011", "Paris", "FR"), "934567892", "93456789200013", "Paris", "FR71934567892", "7830Z",
            "Convention collective de branche des salariés en portage salarial (IDCC 3219)", "URSSAF Île-de-France, compte n° 757 000 000 045 678",
            "FR7642559100000800456789026", CreditCooperatif, PenaltyRate, RecoveryIndemnity)),
    ];

    private static EntityLegalIdentity SmartFrIdentity(PostalAddress headOffice, string siret, string rcsCity, string urssaf) =>
        new("SMart FR", "SCIC SA à capital variable", null, headOffice, "901234567", siret, rcsCity, "FR15901234567", "7490B",
            "Convention collective nationale des entreprises artistiques et culturelles (IDCC 1285)", urssaf, "FR7642559100000800123456771", CreditCooperatif,
            PenaltyRate, RecoveryIndemnity);
}
