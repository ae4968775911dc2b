using Smart.BuildingBlocks.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Smart.BuildingBlocks.Documents;
using Smart.IntegrationTests.Infrastructure;
using Smart.Modules.Activities;
using Smart.Modules.Activities.EntityRulesCopy;
using Smart.Modules.Activities.Features.Invoicing;
using Smart.Modules.Governance.Contracts;
using static Smart.IntegrationTests.Activities.ActivitiesScenario;
using StoredClient = Smart.Modules.Activities.Domain.Clients.Client;

namespace Smart.IntegrationTests.Activities;

/// <summary>Invoices, credit notes and quotes as their clients read them: every legal mention, as HTML and as PDF.</summary>
public sealed class SalesDocumentsTests(SmartApp app) : IClassFixture<SmartApp>
{
    private static Task<HttpResponseMessage> RegisterAsync(HttpClient member, string legalForm, string? siren, string? vatNumber) =>
        member.PostAsJsonAsync("/api/activities/clients", new
        {
            name = legalForm == "Individual" ? "Camille Martin" : "Atelier Lumière SARL",
            country = "FR", legalForm, typology = legalForm, vatNumber, siren,
            billingAddress = new { line1 = "12 rue des Arts", postalCode = "59800", city = "Lille", country = "FR" },
            billingEmail = "compta@atelier-lumiere.example",
            paymentTermsDays = 30,
        });

    private static async Task<string> PdfTextAsync(HttpResponseMessage response) => Compact(await PdfText.ReadAsync(response));

    private static string Compact(string text) => PdfText.Compact(text);

    private Task<EntityLegalIdentity> SellerAsync(Guid entityId, DateOnly on) =>
        app.QueryStoreAsync<IActivitiesStore, EntityLegalIdentity>(async session =>
            (await session.SellerIdentityAsync(entityId, on, CancellationToken.None)).Identity);

    [Fact]
    public async Task Given_an_invoice_of_1234_50_at_20_percent_to_a_company_Then_its_PDF_carries_every_mention()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await CreatedIdAsync(await RegisterAsync(member, "Company", "732 829 320", "FR44732829320"));
        var id = await CreatedIdAsync(await member.PostAsJsonAsync("/api/activities/invoices", new
        {
            activityId = activity, clientId = client, issueDate = (DateOnly?)null,
            lines = new[] { new { description = "Création graphique de l'affiche", quantity = 1m, unitPrice = 1234.50m } },
            serviceFrom = "2026-11-02", serviceTo = "2026-11-06",
        }));
        var invoice = (await member.GetApiAsync<InvoiceView>($"/api/activities/invoices/{id}"))!;
        var seller = await SellerAsync(scenario.Structure.EntityId, invoice.IssueDate);

        var response = await member.GetAsync($"/api/activities/invoices/{id}/pdf");
        var size = (await response.Content.ReadAsByteArrayAsync()).Length;
        var text = await PdfTextAsync(response);

        Assert.Equal($"facture-{invoice.Number}.pdf", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Contains(Compact(seller.LegalName), text);
        Assert.Contains(Compact($"SIREN {seller.Siren}"), text);
        Assert.Contains(Compact($"SIRET {seller.Siret}"), text);
        Assert.Contains(Compact(seller.VatNumber), text);
        Assert.Contains(Compact("SIREN 732829320"), text);
        Assert.Contains(Compact("FR44732829320"), text);
        Assert.Contains(Compact(invoice.Number), text);
        Assert.Equal(1481.40m, invoice.TotalGross);
        Assert.Contains(Compact("1 481,40 €"), text);
        Assert.Contains(Compact("TVA 20 % sur 1 234,50 €"), text);
        Assert.Contains(Compact("du 02/11/2026 au 06/11/2026"), text);
        Assert.Contains(Compact(invoice.DueDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)), text);
        Assert.Equal(invoice.IssueDate.AddDays(30), invoice.DueDate);
        Assert.Contains(Compact("Paiement à 30 jours"), text);
        Assert.Contains(Compact("Pas d'escompte pour paiement anticipé"), text);
        Assert.Contains(Compact($"taux annuel de {(seller.LatePaymentPenaltyRate * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',')} %"), text);
        Assert.Contains(Compact("indemnité forfaitaire pour frais de recouvrement de 40 €"), text);
        Assert.Contains(Compact(seller.Iban), text);
        Assert.Contains(Compact("Alex Artiste"), text);
        // A one-page invoice without a logo: the font subset is most of it.
        Assert.True(size < 100_000, $"{size} bytes");
    }

    /// <summary>
    /// Staff invoicing on a member's activity: the invoice names the activity's coordinator, not whoever issued it; a
    /// platform admin, tied to no entity, issues under the rules of the activity's entity (SmartFr: 10 %).
    /// </summary>
    [Fact]
    public async Task Given_invoices_issued_by_the_entitys_admin_and_by_a_platform_admin_on_a_members_activity_Then_both_name_the_member_and_take_10_percent()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        var platformAdmin = await app.ClientAsync(SmartRoles.Admin);

        foreach (var staff in new[] { scenario.Admin, platformAdmin })
        {
            var id = await CreatedIdAsync(await IssueInvoiceAsync(staff, activity, client, issueDate: null, unitPrice: 500.00m));
            var invoice = (await member.GetApiAsync<InvoiceView>($"/api/activities/invoices/{id}"))!;
            Assert.Equal((0.10m, 50.00m), (invoice.ContributionRate, invoice.ContributionAmount));
            Assert.Contains(Compact("Alex Artiste"), await PdfTextAsync(await member.GetAsync($"/api/activities/invoices/{id}/pdf")));
        }
    }

    [Fact]
    public async Task Given_an_invoice_to_a_private_person_Then_no_recovery_indemnity_is_mentioned_and_the_page_says_the_same_as_the_PDF()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await CreatedIdAsync(await RegisterAsync(member, "Individual", siren: null, vatNumber: null));
        var id = await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, issueDate: null, unitPrice: 1234.50m));

        var text = await PdfTextAsync(await member.GetAsync($"/api/activities/invoices/{id}/pdf"));
        var page = (await member.GetStringAsync($"/api/activities/invoices/{id}/html")).Replace('\u202f', ' ');

        Assert.Contains(Compact("Camille Martin"), text);
        Assert.Contains(Compact("1 481,40 €"), text);
        Assert.Contains(Compact("pénalités"), text);
        Assert.DoesNotContain(Compact("de 40 €"), text);
        Assert.DoesNotContain(Compact("indemnité forfaitaire"), text);
        Assert.Contains("1 481,40 €", page);
        Assert.Contains("Pas d&#39;escompte pour paiement anticip&#233;", page);
        Assert.DoesNotContain("indemnit&#233; forfaitaire", page);
    }

    [Fact]
    public async Task Given_an_issued_invoice_Then_its_document_keeps_the_client_as_billed_when_the_client_changes_later()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await CreatedIdAsync(await RegisterAsync(member, "Company", "732829320", null));
        var id = await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, issueDate: null));

        var changed = await member.PutAsJsonAsync($"/api/activities/clients/{client}/billing-details", new
        {
            name = "Atelier Lumière SAS", billingAddress = new { line1 = "1 quai Nord", postalCode = "59000", city = "Lille", country = "FR" },
            billingEmail = "factures@atelier-lumiere.example", paymentTermsDays = 45, expectedVersion = 1, siren = "732829320",
        });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var text = await PdfTextAsync(await member.GetAsync($"/api/activities/invoices/{id}/pdf"));

        Assert.Contains(Compact("Atelier Lumière SARL"), text);
        Assert.Contains(Compact("12 rue des Arts"), text);
        Assert.DoesNotContain(Compact("quai Nord"), text);
    }

    [Fact]
    public async Task Given_a_credit_note_and_a_quote_Then_their_PDFs_carry_the_same_head_and_the_credit_note_names_its_invoice()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await CreatedIdAsync(await RegisterAsync(member, "Company", "732829320", null));
        var invoiceId = await CreatedIdAsync(await IssueInvoiceAsync(member, activity, client, issueDate: null, unitPrice: 1000m));
        var invoice = (await member.GetApiAsync<InvoiceView>($"/api/activities/invoices/{invoiceId}"))!;
        HttpResponseMessage credited = null!;
        await app.TrackAsync(async () => credited = await member.PostAsJsonAsync($"/api/activities/invoices/{invoiceId}/credit-notes", new { net = 250m, reason = "Une représentation annulée" }));
        var creditNoteId = await CreatedIdAsync(credited);
        var quoteId = await CreatedIdAsync(await member.PostAsJsonAsync("/api/activities/quotes", new
        {
            activityId = activity, clientId = client, validUntil = invoice.IssueDate.AddDays(30),
            lines = new[] { new { description = "Atelier d'écriture", quantity = 2m, unitPrice = 300m } },
        }));
        var seller = await SellerAsync(scenario.Structure.EntityId, invoice.IssueDate);

        var creditNote = await PdfTextAsync(await member.GetAsync($"/api/activities/credit-notes/{creditNoteId}/pdf"));
        var quote = await PdfTextAsync(await member.GetAsync($"/api/activities/quotes/{quoteId}/pdf"));

        Assert.Contains(Compact($"Facture d'origine : {invoice.Number}"), creditNote);
        Assert.Contains(Compact("Une représentation annulée"), creditNote);
        Assert.Contains(Compact("300,00 €"), creditNote); // 250.00 + 20 % VAT
        Assert.Contains(Compact($"SIREN {seller.Siren}"), creditNote);
        Assert.Contains(Compact("Devis"), quote);
        Assert.Contains(Compact("720,00 €"), quote); // 2 × 300.00 + 20 % VAT
        Assert.Contains(Compact($"SIREN {seller.Siren}"), quote);
    }

    [Fact]
    public async Task Given_another_members_documents_Then_their_PDFs_and_pages_are_404()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, owner) = await scenario.MemberAsync();
        var (_, other) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(owner);
        var client = await RegisterClientAsync(owner);
        var invoice = await CreatedIdAsync(await IssueInvoiceAsync(owner, activity, client, issueDate: null));
        HttpResponseMessage credited = null!;
        await app.TrackAsync(async () => credited = await owner.PostAsJsonAsync($"/api/activities/invoices/{invoice}/credit-notes", new { net = 10m, reason = "Remise" }));
        var creditNote = await CreatedIdAsync(credited);

        foreach (var path in new[] { $"invoices/{invoice}/pdf", $"invoices/{invoice}/html", $"credit-notes/{creditNote}/pdf", $"credit-notes/{creditNote}/html",
                     $"invoices/{Guid.NewGuid()}/pdf", $"quotes/{Guid.NewGuid()}/pdf", $"contract-documents/{Guid.NewGuid()}/pdf" })
        {
            await (await other.GetAsync($"/api/activities/{path}")).AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Given_a_client_SIREN_with_a_wrong_key_or_a_service_period_ending_before_it_starts_Then_400_naming_the_field_and_nothing_written()
    {
        var scenario = await new ActivitiesScenario(app).StartAsync();
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        var (clients, invoices) = (await StoredAsync<StoredClient>(app), await StoredAsync<Smart.Modules.Activities.Domain.Invoicing.Invoice>(app));

        var badSiren = await RegisterAsync(member, "Company", "732829321", null);
        var badPeriod = await member.PostAsJsonAsync("/api/activities/invoices", new
        {
            activityId = activity, clientId = client, lines = new[] { new { description = "Concert", quantity = 1m, unitPrice = 800m } },
            serviceFrom = "2026-11-06", serviceTo = "2026-11-02",
        });
        var halfPeriod = await member.PostAsJsonAsync("/api/activities/invoices", new
        {
            activityId = activity, clientId = client, lines = new[] { new { description = "Concert", quantity = 1m, unitPrice = 800m } }, serviceFrom = "2026-11-06",
        });

        await badSiren.AssertFieldErrorsAsync("siren");
        await badPeriod.AssertFieldErrorsAsync("serviceTo");
        await halfPeriod.AssertFieldErrorsAsync("serviceTo");
        Assert.Equal((clients, invoices), (await StoredAsync<StoredClient>(app), await StoredAsync<Smart.Modules.Activities.Domain.Invoicing.Invoice>(app)));
    }

    [Fact]
    public async Task Given_an_entity_without_a_legal_identity_on_the_date_Then_it_cannot_issue_an_invoice()
    {
        var scenario = await new ActivitiesScenario(app).StartInOwnEntityAsync(withLegalIdentity: false);
        var (_, member) = await scenario.MemberAsync();
        var activity = await OpenActivityAsync(member);
        var client = await RegisterClientAsync(member);
        var invoices = await StoredAsync<Smart.Modules.Activities.Domain.Invoicing.Invoice>(app);

        var response = await IssueInvoiceAsync(member, activity, client, issueDate: null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("legal identity", problem.GetProperty("detail").GetString());
        Assert.Equal(invoices, await StoredAsync<Smart.Modules.Activities.Domain.Invoicing.Invoice>(app));
    }
}
