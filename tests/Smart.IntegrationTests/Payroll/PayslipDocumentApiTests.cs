using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Governance.Contracts;
using Smart.Modules.Payroll.Features.Employees;
using Smart.Modules.Payroll.Features.Gdc;
using Smart.Modules.Payroll.Features.Payslips;
using Npgsql;
using static Smart.IntegrationTests.Payroll.PayrollScenario;

namespace Smart.IntegrationTests.Payroll;

/// <summary>Payslips as documents (R3243-1 mentions, HTML and PDF), the employee's file, and contract-management payslips naming their employer.</summary>
public sealed class PayslipDocumentApiTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    /// <summary>The cooperative's SIRET as Governance publishes it (820 498 187 00013, Luhn key valid).</summary>
    internal const string SmartSiret = "82049818700013";

    private const string Nir = "2 94 06 75 112 045 48";

    internal static EntityLegalIdentityChanged Identity(Guid entityId, DateOnly from, string siret = SmartSiret) => new(entityId, "SMARTFR", from,
        new EntityLegalIdentity("SMart FR", "SCIC SA à capital variable", null, new PostalAddress("3 rue du Faubourg", null, "59000", "Lille", "FR"), siret[..9],
            siret, "Lille", "FR12820498187", "7022Z", "Entreprises artistiques et culturelles (IDCC 1285)", "URSSAF Nord-Pas-de-Calais, compte 317000000000000001",
            "FR7630006000011234567890189", "AGRIFRPP", 0.1215m, 40m), null);

    internal static Task<string> PdfTextAsync(HttpResponseMessage response) => PdfText.ReadAsync(response);

    internal static void AssertAmount(string text, string label, decimal amount) =>
        Assert.Matches(Regex.Escape(label) + @"[^€]*?" + Regex.Escape(HtmlPage.Euros(amount)), text);

    [Fact]
    public async Task Given_the_entitys_identity_and_the_members_file_Then_the_payslip_PDF_has_the_SIRET_the_net_social_and_the_net_paid_of_the_JSON_and_others_get_404()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var entityId = scenario.Activities.Structure.EntityId;
        await app.PublishAsync(Identity(entityId, new DateOnly(2026, 1, 1)));
        var (memberId, member, activity, _) = await scenario.ActivityWith900Async();
        var (_, other) = await scenario.Activities.MemberAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await member.PutAsJsonAsync($"/api/payroll/employees/{memberId}/file",
            new { socialSecurityNumber = Nir, classification = "Artiste interprète" })).StatusCode);
        await member.PutAsJsonAsync($"/api/payroll/employees/{memberId}/income-tax-rate", new { rate = 0.075m, effectiveFrom = InvoiceDate });
        await scenario.RequestSalaryAsync(member, activity, Salary(800.00m));
        var id = Assert.Single((await GetAsync<PagedResult<PayslipSummary>>(member, $"/api/payroll/payslips?activityId={activity}")).Items).Id;
        // A new identity from today on does not change a payslip already issued: it printed the one in force at issue.
        await app.PublishAsync(Identity(entityId, InvoiceDate.AddDays(1), "73282932000074"));

        var payslip = await GetAsync<PayslipView>(member, $"/api/payroll/payslips/{id}");
        // Gross 608.75 − employee contributions 103.81 = net social 504.94; 7.5 % withheld: 37.87; net paid 467.07.
        Assert.Equal((608.75m, 504.94m, 504.94m, 467.07m), (payslip.Gross, payslip.NetSocial, payslip.Net, payslip.NetPaid));
        Assert.Equal((SmartSiret, "7022Z", true), (payslip.Employer!.Siret, payslip.Employer.ApeCode, payslip.Snapshot));
        Assert.Equal(("•••••••••••4548", "Artiste interprète", 1m, 7m), (payslip.SocialSecurityNumber, payslip.Classification, payslip.Days, payslip.Hours));

        var text = await PdfTextAsync(await member.GetAsync($"/api/payroll/payslips/{id}/pdf"));
        Assert.Contains($"SIRET : {SmartSiret}", text);
        Assert.DoesNotContain("73282932000074", text);
        AssertAmount(text, "Montant net social", payslip.NetSocial);
        AssertAmount(text, "Net payé", payslip.NetPaid);
        AssertAmount(text, "Net à payer avant impôt sur le revenu", payslip.Net);
        AssertAmount(text, "Coût total employeur", payslip.EmployerCost);
        Assert.Contains("•••••••••••4548", text);
        Assert.Contains("conservez ce bulletin de paie sans limitation de durée", text);
        var html = await member.GetStringAsync($"/api/payroll/payslips/{id}/html");
        Assert.Contains(SmartSiret, html);
        Assert.Contains("Montant net social", html);

        await (await other.GetAsync($"/api/payroll/payslips/{id}/pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/payroll/payslips/{id}/html")).AssertProblemAsync(HttpStatusCode.NotFound);
        var operatorClient = await app.ClientAsync(SmartRoles.Operator, entityId: entityId);
        Assert.Contains(SmartSiret, await PdfTextAsync(await operatorClient.GetAsync($"/api/payroll/payslips/{id}/pdf")));
    }

    [Fact]
    public async Task Given_a_payslip_stored_before_payslips_kept_their_sheet_Then_its_JSON_and_PDF_still_render_and_say_what_was_not_kept()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var (_, member, activity, _) = await scenario.ActivityWith900Async();
        await scenario.RequestSalaryAsync(member, activity, Salary(800.00m));
        var id = Assert.Single((await GetAsync<PagedResult<PayslipSummary>>(member, $"/api/payroll/payslips?activityId={activity}")).Items).Id;
        // The stored document as an earlier version wrote it: no sheet, no net social (either JSON casing).
        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var strip = new NpgsqlCommand(
                "UPDATE payroll.mt_doc_payslip SET data = data - 'Sheet' - 'sheet' - 'NetSocial' - 'netSocial' WHERE id = @id", connection);
            strip.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await strip.ExecuteNonQueryAsync());
        }

        var payslip = await GetAsync<PayslipView>(member, $"/api/payroll/payslips/{id}");
        Assert.Equal((false, (object?)null, 608.75m - 103.81m, 7m), (payslip.Snapshot, (object?)payslip.Employer, payslip.NetSocial, payslip.Hours));
        var text = await PdfTextAsync(await member.GetAsync($"/api/payroll/payslips/{id}/pdf"));
        Assert.Contains("Identité de l'employeur non conservée", text);
        AssertAmount(text, "Montant net social", 504.94m);
        AssertAmount(text, "Net payé", payslip.NetPaid);
    }

    [Fact]
    public async Task Given_the_employee_file_Then_the_member_and_operators_see_the_full_NIR_an_advisor_a_masked_one_others_404_and_a_bad_key_is_400_changing_nothing()
    {
        var scenario = await new PayrollScenario(app).StartAsync();
        var structure = scenario.Activities.Structure;
        var (memberId, member) = await scenario.Activities.MemberAsync();
        var (otherId, other) = await scenario.Activities.MemberAsync();
        var file = $"/api/payroll/employees/{memberId}/file";
        Assert.Equal(HttpStatusCode.NoContent, (await member.PutAsJsonAsync(file, new { socialSecurityNumber = Nir, classification = "Employé — niveau 2" })).StatusCode);

        // The key of 2 94 06 75 112 045 is 48: 49 is refused on the field, and so is a classification past 120 characters.
        await (await member.PutAsJsonAsync(file, new { socialSecurityNumber = "294067511204549", classification = "Artiste" }))
            .AssertFieldErrorsAsync("socialSecurityNumber");
        await (await member.PutAsJsonAsync(file, new { socialSecurityNumber = Nir, classification = new string('x', 121) })).AssertFieldErrorsAsync("classification");
        await (await other.PutAsJsonAsync(file, new { socialSecurityNumber = "185057800608491" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync(file)).AssertProblemAsync(HttpStatusCode.NotFound);
        var advisor = await app.ClientAsync(SmartRoles.Advisor, entityId: structure.EntityId, officeId: structure.LilleOfficeId);
        await (await advisor.PutAsJsonAsync(file, new { socialSecurityNumber = "185057800608491" })).AssertProblemAsync(HttpStatusCode.NotFound);

        var own = await GetAsync<EmployeeFileView>(member, file);
        Assert.Equal(("294067511204548", false, "Employé — niveau 2"), (own.SocialSecurityNumber, own.SocialSecurityNumberMasked, own.Classification));
        var operatorClient = await app.ClientAsync(SmartRoles.Operator, entityId: structure.EntityId);
        Assert.Equal("294067511204548", (await GetAsync<EmployeeFileView>(operatorClient, file)).SocialSecurityNumber);
        var masked = await GetAsync<EmployeeFileView>(advisor, file);
        Assert.Equal(("•••••••••••4548", true), (masked.SocialSecurityNumber, masked.SocialSecurityNumberMasked));
        Assert.Null((await GetAsync<EmployeeFileView>(other, $"/api/payroll/employees/{otherId}/file")).SocialSecurityNumber);
    }
}

/// <summary>Contract-management payslips as documents: in a class of their own, since they move the shared clock by weeks.</summary>
public sealed class GdcPayslipDocumentApiTests(PayrollApp app) : IClassFixture<PayrollApp>
{
    [Fact]
    public async Task Given_a_contract_management_payslip_Then_its_PDF_names_the_employer_structure_not_the_cooperative_and_another_employer_gets_404()
    {
        var scenario = await new GdcScenario(app).StartAsync();
        await app.PublishAsync(PayslipDocumentApiTests.Identity(scenario.Activities.Structure.EntityId, new DateOnly(2026, 1, 1)));
        var (employerId, employer) = await scenario.EmployerAsync();
        await scenario.SignMandateAsync(employerId);
        var employeeId = await GdcScenario.RegisterEmployeeAsync(employer, employerId);
        var contractId = await GdcScenario.DeclareContractAsync(employer, employerId, scenario.Contract(employeeId));
        var end = scenario.Today.AddDays(3);
        await (await employer.GetAsync($"/api/payroll/gdc-contracts/{contractId}/payslip/pdf")).AssertProblemAsync(HttpStatusCode.NotFound); // not run yet

        await scenario.AdvanceDaysAsync(new DateOnly(end.Year, end.Month, 1).AddMonths(1).DayNumber - scenario.Today.DayNumber);
        var created = await ReadAsync<EmployerPayrollRunCreated>(await scenario.Operator.PostAsJsonAsync($"/api/payroll/employers/{employerId}/payroll-runs",
            new { year = end.Year, month = end.Month }));
        employer = await scenario.EmployerClientAsync(employerId);
        var payslip = Assert.Single((await GetAsync<EmployerPayrollRunView>(employer, $"/api/payroll/employer-payroll-runs/{created.RunId}")).Payslips);
        Assert.Equal((GdcScenario.EmployerSiret, payslip.Gross - payslip.EmployeeContributions), (payslip.Sheet!.Employer!.Siret, payslip.NetSocial));

        var text = await PayslipDocumentApiTests.PdfTextAsync(await employer.GetAsync($"/api/payroll/gdc-contracts/{contractId}/payslip/pdf"));
        Assert.Contains($"SIRET : {GdcScenario.EmployerSiret}", text);
        Assert.Contains("Association Les Tréteaux", text);
        Assert.DoesNotContain(PayslipDocumentApiTests.SmartSiret, text);
        PayslipDocumentApiTests.AssertAmount(text, "Montant net social", payslip.NetSocial!.Value);
        PayslipDocumentApiTests.AssertAmount(text, "Net payé", payslip.NetPaid);
        Assert.Contains("•••••••••••4548", text);
        Assert.Contains(GdcScenario.EmployerSiret, await employer.GetStringAsync($"/api/payroll/gdc-contracts/{contractId}/payslip/html"));

        var (_, otherEmployer) = await scenario.EmployerAsync();
        await (await otherEmployer.GetAsync($"/api/payroll/gdc-contracts/{contractId}/payslip/pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
