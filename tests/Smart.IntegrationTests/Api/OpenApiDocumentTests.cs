using System.Text.Json;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Api;

/// <summary>Web clients generate their types from the OpenAPI document: the document must say what a response always holds.</summary>
public sealed class OpenApiDocumentTests(SmartApp app) : IClassFixture<SmartApp>
{
    private const string DocumentPath = "/swagger/v1/swagger.json";

    [Fact]
    public async Task Given_a_response_record_Then_its_non_nullable_properties_are_required_and_its_nullable_ones_are_not()
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync(DocumentPath));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        var invoice = schemas.GetProperty("InvoiceView"); // Guid Id, string Number, decimal TotalGross, string? VatMention, Guid? QuoteId
        Assert.Superset(new HashSet<string> { "id", "number", "totalGross", "lines", "client" }, Required(invoice));
        Assert.DoesNotContain("vatMention", Required(invoice));
        Assert.DoesNotContain("quoteId", Required(invoice));
        Assert.True(invoice.GetProperty("properties").GetProperty("vatMention").GetProperty("nullable").GetBoolean());
        Assert.False(invoice.GetProperty("properties").GetProperty("number").TryGetProperty("nullable", out _));

        Assert.Contains("errors", Required(schemas.GetProperty("HttpValidationProblemDetails")));
    }

    [Fact]
    public async Task Given_a_request_record_Then_a_property_with_a_default_or_a_nullable_type_is_not_required()
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync(DocumentPath));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        // EntitySettingsInput(DateOnly EffectiveFrom, …, bool TrainingVatExempt = false, string? TrainingVatExemptionMention = null)
        var settings = Required(schemas.GetProperty("EntitySettingsInput"));
        Assert.Contains("effectiveFrom", settings);
        Assert.DoesNotContain("trainingVatExempt", settings);
        Assert.DoesNotContain("trainingVatExemptionMention", settings);
        // IssueInvoice(Guid ActivityId, Guid ClientId, DateOnly? IssueDate, IReadOnlyList<InvoiceLineInput> Lines)
        Assert.Equal(["activityId", "clientId", "lines"], Required(schemas.GetProperty("IssueInvoice")).Order());
    }

    private static HashSet<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(p => p.GetString()!).ToHashSet() : [];
}
