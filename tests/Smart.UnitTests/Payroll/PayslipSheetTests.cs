using Smart.BuildingBlocks.Documents;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Contracts;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Domain.Rates;
using Smart.Modules.Payroll.Features.Payslips;
using UglyToad.PdfPig;

namespace Smart.UnitTests.Payroll;

public sealed class PayslipSheetTests
{
    /// <summary>An employer structure's identity (SIRET 732 829 320 00074: Luhn key valid).</summary>
    internal static readonly PayslipEmployer Treteaux = new("Association Les Tréteaux", "Association loi 1901",
        new PostalAddress("12 rue des Arts", null, "59000", "Lille", "FR"), "73282932000074", "9001Z", "Entreprises artistiques et culturelles (IDCC 1285)",
        "URSSAF Nord-Pas-de-Calais, compte 317000001234567890");

    private static readonly WorkingTimeLimits Limits = new(new DateOnly(2013, 1, 1), 10m, 48m, 7m, 35m);

    /// <summary>Employer 25 % on the gross and 10 % capped at one ceiling; employee 14 % and 7 % capped.</summary>
    private static IReadOnlyList<CappedLine> Lines() => CappedLine.For(ContributionTable.Create(null, ContractCategory.Artistic, new DateOnly(2026, 1, 1), "Test",
    [
        ("Uncapped", ContributionBase.Gross, 0m, 0.14m, 0.25m),
        ("Capped", ContributionBase.CappedGross, 1m, 0.07m, 0.10m),
    ], versionOnThatDate: false, new DateOnly(2026, 1, 1)), 3_925.00m);

    private static EmploymentContract Contract() => EmploymentContract.Conclude(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
        1_350.00m, new ContractTerms(ContractKind.Cddu, ContractCategory.Artistic, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11), 2m, null, "Musicienne"),
        new DateOnly(2026, 3, 2), Limits, 1_000.00m, new MinimumWage(new DateOnly(2026, 1, 1), 12.02m));

    [Fact]
    public void Given_a_gross_of_1000_and_employee_contributions_of_210_Then_the_net_social_is_790_before_the_tax_withheld()
    {
        // Budget 1,350.00 = 1,000.00 gross + 250.00 + 100.00 employer; employee 14 % = 140.00 and 7 % = 70.00.
        var figures = PayFigures.Compute(1_350.00m, Lines(), incomeTaxRate: 0.075m);

        Assert.Equal((1_000.00m, 210.00m), (figures.Gross, figures.EmployeeContributions));
        // Net social = 1,000.00 − 210.00: no benefit in kind, no employer-paid individual cover on Smart's payslips.
        Assert.Equal(790.00m, figures.NetSocial);
        // The tax withheld (7.5 % of 790.00 = 59.25) does not touch it: net paid 730.75.
        Assert.Equal((59.25m, 730.75m), (figures.IncomeTax, figures.NetPaid));
    }

    [Fact]
    public void Given_a_contract_of_two_days_Then_its_sheet_keeps_the_employer_the_employee_and_the_work_with_the_NIR_masked_but_for_4_digits()
    {
        var sheet = Contract().Sheet(Treteaux, "Léa Martin", "Artiste interprète", "2 94 06 75 112 045 48");

        Assert.Equal(("Léa Martin", "Musicienne", "Artiste interprète", ContractKind.Cddu), (sheet.EmployeeName, sheet.Job, sheet.Classification, sheet.ContractKind));
        Assert.Equal("•••••••••••4548", sheet.SocialSecurityNumber);
        Assert.Equal((2m, 14m), (sheet.Days, sheet.Hours));
        Assert.Equal("73282932000074", sheet.Employer!.Siret);
        Assert.Null(Contract().Sheet(null, "Léa Martin", null, null).SocialSecurityNumber);
    }

    private static PayslipPrint Print(PayslipSheet sheet, bool snapshot)
    {
        var figures = PayFigures.Compute(1_350.00m, Lines(), incomeTaxRate: 0.075m);
        return new PayslipPrint(Guid.NewGuid(), sheet.Employer, sheet.EmployeeName, sheet.Job, sheet.Classification, sheet.SocialSecurityNumber, sheet.ContractKind,
            sheet.Days, sheet.Hours, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 18), "Test", 3_925.00m,
            figures.Gross, figures.Lines.Select(l => new PayslipLineView(l.Name, l.Base, l.EmployeeRate, l.EmployeeAmount, l.EmployerRate, l.EmployerAmount)).ToList(),
            figures.EmployeeContributions, figures.EmployerContributions, figures.EmployerCost, figures.Net, figures.IncomeTaxRate, figures.IncomeTax,
            figures.NetPaid, figures.NetSocial, snapshot);
    }

    private static string PdfText(PrintableDocument document)
    {
        using var pdf = PdfDocument.Open(DocumentPdf.Render(document));
        return string.Concat(pdf.GetPages().Select(p => p.Text));
    }

    [Fact]
    public void Given_a_payslip_with_its_sheet_Then_its_PDF_names_the_employer_and_prints_every_mention_in_French()
    {
        var text = PdfText(PayslipDocument.Build(Print(Contract().Sheet(Treteaux, "Léa Martin", "Artiste interprète", "294067511204548"), snapshot: true), null));

        Assert.Contains("SIRET : 73282932000074", text);
        Assert.Contains("Code APE : 9001Z", text);
        Assert.Contains("IDCC 1285", text);
        Assert.Contains("•••••••••••4548", text);
        Assert.DoesNotContain("294067511204548", text);
        Assert.Contains("Heures travaillées", text);
        Assert.Contains("Net à payer avant impôt sur le revenu", text);
        Assert.Contains("Impôt sur le revenu prélevé à la source", text);
        Assert.Contains("Montant net social", text);
        Assert.Contains("790,00 €", text);
        Assert.Contains("730,75 €", text);
        Assert.Contains("18/03/2026", text);
        Assert.Contains("sans limitation de durée", text);
        Assert.DoesNotContain("non conservée", text);
    }

    [Fact]
    public void Given_a_payslip_issued_before_sheets_were_kept_Then_its_document_still_renders_and_says_what_was_not_kept()
    {
        var text = PdfText(PayslipDocument.Build(Print(Contract().Sheet(null, "Léa Martin", null, null), snapshot: false), null));

        Assert.Contains("Identité de l'employeur non conservée", text);
        Assert.Contains("Montant net social", text);
        Assert.Contains("730,75 €", text);
    }
}
