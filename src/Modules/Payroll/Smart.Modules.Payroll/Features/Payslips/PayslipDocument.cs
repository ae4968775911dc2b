using Marten;
using Smart.BuildingBlocks.Documents;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.PayRulesCopy;
using HtmlPage = Smart.BuildingBlocks.Web.HtmlPage;

namespace Smart.Modules.Payroll.Features.Payslips;

/// <summary>Everything a payslip's document prints, from a member's payslip or a contract-management one.</summary>
/// <param name="Snapshot">False for a payslip issued before its sheet was kept: the document says what it could not read.</param>
internal sealed record PayslipPrint(
    Guid Id, PayslipEmployer? Employer, string EmployeeName, string Job, string? Classification, string? SocialSecurityNumber, ContractKind ContractKind,
    decimal? Days, decimal Hours, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly IssuedOn, DateOnly PayDate, string? ContributionTable,
    decimal? PeriodCeiling, decimal Gross, IReadOnlyList<PayslipLineView> Lines, decimal EmployeeContributions, decimal EmployerContributions,
    decimal EmployerCost, decimal Net, decimal IncomeTaxRate, decimal IncomeTax, decimal NetPaid, decimal NetSocial, bool Snapshot);

/// <summary>
/// The payslip as a printable document with the mentions of Code du travail R3243-1 that apply to Smart's contracts, in
/// French (it is handed to the employee): built from what the payslip stored, never from live settings (ADR 0093).
/// </summary>
internal static class PayslipDocument
{
    public const string KeepForever = "Dans votre intérêt et pour vous aider à faire valoir vos droits, conservez ce bulletin de paie sans limitation de durée.";

    private const string RateFormat = "0.00##";

    public static PrintableDocument Build(PayslipPrint payslip, DocumentImage? logo)
    {
        var employee = new DocumentParty(payslip.EmployeeName, Lines(
            $"Emploi : {payslip.Job}",
            $"Classification : {payslip.Classification ?? "non renseignée"}",
            $"N° de sécurité sociale : {payslip.SocialSecurityNumber ?? "non renseigné"}",
            $"Contrat : {payslip.ContractKind.ToString().ToUpperInvariant()}"));
        var facts = new List<DocumentFact>
        {
            new("Période", $"du {FrenchFormat.Date(payslip.PeriodStart)} au {FrenchFormat.Date(payslip.PeriodEnd)}"),
            new("Date de paiement", FrenchFormat.Date(payslip.PayDate)),
        };
        if (payslip.Days is { } days) facts.Add(new DocumentFact("Jours travaillés", FrenchFormat.Number(days, "0.##")));
        facts.Add(new DocumentFact("Heures travaillées", FrenchFormat.Number(payslip.Hours, "0.##")));
        if (payslip.Employer is { } employer) facts.Add(new DocumentFact("Convention collective", employer.CollectiveAgreement));
        if (payslip.ContributionTable is { } table) facts.Add(new DocumentFact("Barème", table));
        if (payslip.PeriodCeiling is { } ceiling) facts.Add(new DocumentFact("Plafond de la sécurité sociale de la période", HtmlPage.Euros(ceiling)));

        var rows = payslip.Lines.Select(l => new DocumentRow([l.Name, HtmlPage.Euros(l.Base), HtmlPage.Percent(l.EmployeeRate, RateFormat), HtmlPage.Euros(l.EmployeeAmount),
                HtmlPage.Percent(l.EmployerRate, RateFormat), HtmlPage.Euros(l.EmployerAmount)]))
            .Append(new DocumentRow(["Total des cotisations et contributions", "", "", HtmlPage.Euros(payslip.EmployeeContributions), "", HtmlPage.Euros(payslip.EmployerContributions)],
                Strong: true))
            .ToList();

        List<DocumentBlock> blocks =
        [
            new PartiesBlock(Issuer(payslip), employee, "Employeur", "Salarié"),
            new FactsBlock(facts),
            new TotalsBlock([new DocumentTotal("Salaire brut", HtmlPage.Euros(payslip.Gross), Strong: true)]),
            new SectionBlock("Cotisations et contributions sociales"),
            new TableBlock([new DocumentColumn("Cotisation", 3.2), new DocumentColumn("Base", 1.3, Numeric: true),
                new DocumentColumn("Taux salarial", 1.1, Numeric: true), new DocumentColumn("Part salariale", 1.3, Numeric: true),
                new DocumentColumn("Taux patronal", 1.1, Numeric: true), new DocumentColumn("Part patronale", 1.3, Numeric: true)], rows),
            new TotalsBlock(
            [
                new DocumentTotal("Net à payer avant impôt sur le revenu", HtmlPage.Euros(payslip.Net)),
                new DocumentTotal($"Impôt sur le revenu prélevé à la source (taux {HtmlPage.Percent(payslip.IncomeTaxRate, RateFormat)})", HtmlPage.Euros(payslip.IncomeTax)),
                new DocumentTotal("Net payé", HtmlPage.Euros(payslip.NetPaid), Strong: true),
                new DocumentTotal("Montant net social", HtmlPage.Euros(payslip.NetSocial)),
                new DocumentTotal("Coût total employeur", HtmlPage.Euros(payslip.EmployerCost)),
            ]),
            new ParagraphBlock($"Net payé le {FrenchFormat.Date(payslip.PayDate)} par virement."),
            new ParagraphBlock(KeepForever, TextStyle.Small),
        ];
        if (!payslip.Snapshot)
        {
            blocks.Add(new ParagraphBlock(
                $"Bulletin émis le {FrenchFormat.Date(payslip.IssuedOn)}, avant que ses mentions ne soient conservées avec lui : l'identité de l'employeur, la "
                + "classification et le numéro de sécurité sociale n'ont pas été conservés ; le nom du salarié est celui de son dossier actuel.", TextStyle.Small));
        }
        return new PrintableDocument($"Bulletin de paie — {payslip.EmployeeName} — {FrenchFormat.Date(payslip.PeriodStart)}",
            $"bulletin-de-paie-{payslip.PeriodStart:yyyy-MM-dd}-{payslip.Id:N}", blocks, logo);
    }

    private static DocumentParty Issuer(PayslipPrint payslip) => payslip.Employer is { } e
        ? new DocumentParty(e.LegalName, Lines(
            e.LegalForm,
            e.Address.Line1,
            e.Address.Line2,
            $"{e.Address.PostalCode} {e.Address.City}",
            $"SIRET : {e.Siret}",
            $"Code APE : {e.ApeCode}",
            $"URSSAF : {e.Urssaf}"))
        : new DocumentParty("Employeur", ["Identité de l'employeur non conservée avec ce bulletin."]);

    private static List<string> Lines(params string?[] lines) => lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).ToList();

    /// <summary>The logo of the entity's identity version the payslip names (versions never change), if it has one.</summary>
    public static async Task<DocumentImage?> LogoAsync(this IQuerySession session, PayslipEmployer? employer, CancellationToken cancellationToken) =>
        employer?.LogoOf is { } version && (await session.LoadAsync<EntityIdentity>(version, cancellationToken))?.Logo is { } logo
            ? new DocumentImage(logo.ContentType, logo.Content)
            : null;
}
