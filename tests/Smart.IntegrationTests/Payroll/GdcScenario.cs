using System.Net;
using System.Net.Http.Json;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.IntegrationTests.Activities;
using Smart.IntegrationTests.Infrastructure;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using Smart.Modules.Payroll.Persistence;
using Marten;

namespace Smart.IntegrationTests.Payroll;

/// <summary>Contract-management steps through HTTP: an employer structure registered in Governance, its mandate, employees and contracts.</summary>
public sealed class GdcScenario(SmartApp app)
{
    /// <summary>A valid NIR: 97 − (2940675112045 mod 97) = 48.</summary>
    public const string Nir = "294067511204548";

    public ActivitiesScenario Activities { get; } = new(app);

    public HttpClient Operator { get; private set; } = null!;

    private HttpClient Admin { get; set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(app.Clock!.GetUtcNow().UtcDateTime);

    public async Task<GdcScenario> StartAsync()
    {
        await Activities.StartAsync();
        Operator = await app.ClientAsync(SmartRoles.Operator, entityId: Activities.Structure.EntityId);
        Admin = Activities.Admin;
        return this;
    }

    /// <summary>
    /// Moves the manual clock by whole days. Bearer tokens expire after an hour of that clock, so the operator logs in
    /// again, and so does the admin that registers employers; other clients come from <see cref="EmployerClientAsync"/> or
    /// <c>SmartApp.ClientAsync</c> afterwards.
    /// </summary>
    public async Task AdvanceDaysAsync(int days)
    {
        app.Clock!.Advance(TimeSpan.FromDays(days));
        Operator = await app.ClientAsync(SmartRoles.Operator, entityId: Activities.Structure.EntityId);
        Admin = await app.AdminClientAsync(Activities.Structure);
    }

    public Task<HttpClient> EmployerClientAsync(Guid employerId) =>
        app.ClientAsync(SmartRoles.Member, employerId, Activities.Structure.EntityId, Activities.Structure.LilleOfficeId);

    /// <summary>An association registered in Governance, known to Payroll, logged in as itself.</summary>
    public async Task<(Guid EmployerId, HttpClient Employer)> EmployerAsync()
    {
        var response = await Admin.PostAsJsonAsync("/api/governance/members", new
        {
            kind = "LegalEntity", legalName = "Association Les Tréteaux " + Guid.NewGuid().ToString("N")[..6], legalForm = "Association",
            email = $"asso-{Guid.NewGuid():N}@example.org", officeId = Activities.Structure.LilleOfficeId,
        });
        var employerId = await CreatedIdAsync(response);
        await app.WaitForBusIdleAsync();
        return (employerId, await EmployerClientAsync(employerId));
    }

    /// <summary>The employer structure's legal identity its employees' payslips print (SIRET 732 829 320 00074, Luhn key valid).</summary>
    public const string EmployerSiret = "73282932000074";

    public static object EmployerIdentity(string siret = EmployerSiret, string apeCode = "9001Z") => new
    {
        legalName = "Association Les Tréteaux", legalForm = "Association loi 1901",
        address = new { line1 = "12 rue des Arts", postalCode = "59000", city = "Lille", country = "FR" }, siret, apeCode,
        collectiveAgreement = "Entreprises artistiques et culturelles (IDCC 1285)", urssaf = "URSSAF Nord-Pas-de-Calais, compte 317000001234567890",
    };

    public async Task<Guid> SignMandateAsync(Guid employerId, string scope = "Partial") =>
        await CreatedIdAsync(await Operator.PostAsJsonAsync("/api/payroll/mandates", new { employerId, scope, employer = EmployerIdentity() }));

    public static object Employee(string nir = Nir, decimal taxRate = 0.05m) => new
    {
        firstName = "Léa", lastName = "Martin", birthDate = new DateOnly(1994, 6, 2), gender = "Female", socialSecurityNumber = nir, taxRate,
    };

    public static async Task<Guid> RegisterEmployeeAsync(HttpClient client, Guid employerId) =>
        await CreatedIdAsync(await client.PostAsJsonAsync($"/api/payroll/employers/{employerId}/employees", Employee()));

    public object Contract(Guid employeeId, decimal gross = 1_000.00m, decimal expenses = 60.00m, int startInDays = 1) => new
    {
        employeeId, kind = "Cddu", category = "Artistic", start = Today.AddDays(startInDays), end = Today.AddDays(startInDays + 2), days = 3m,
        job = "Comédienne", gross, expenses,
    };

    public static async Task<Guid> DeclareContractAsync(HttpClient client, Guid employerId, object contract) =>
        await CreatedIdAsync(await client.PostAsJsonAsync($"/api/payroll/employers/{employerId}/contracts", contract));

    /// <summary>How many documents of a type Payroll holds (to check that a refused request stored nothing).</summary>
    public Task<int> CountAsync<T>() where T : notnull => app.QueryStoreAsync<IPayrollStore, int>(session => session.Query<T>().CountAsync());

    public static void AssertStatus(HttpStatusCode expected, HttpResponseMessage response) =>
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
}
