using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Smart.IntegrationTests.Infrastructure;

namespace Smart.IntegrationTests.Api;

/// <summary>Web clients generate their types from the OpenAPI document: the document must say what a response always holds.</summary>
public sealed class OpenApiDocumentTests(SmartApp app) : IClassFixture<SmartApp>
{
    private const string DocumentPath = "/swagger/v1/swagger.json";

    [Fact]
    public async Task Given_the_OpenAPI_document_Then_a_TypeScript_client_generated_from_it_compiles_under_tsc_strict()
    {
        // tests/typescript-client pins openapi-typescript and TypeScript; client-usage.ts reads invoices, activities,
        // payslips and validation problems without `!`, so a response property the document leaves optional breaks it.
        var folder = RepositoryFolder.PathTo("tests", "typescript-client");
        await File.WriteAllTextAsync(Path.Combine(folder, "swagger.json"), await app.CreateClient().GetStringAsync(DocumentPath));

        await NpmAsync(folder, "ci", "--prefer-offline", "--no-audit", "--no-fund");
        await NpmAsync(folder, "run", "generate"); // openapi-typescript swagger.json -o generated/api.d.ts
        await NpmAsync(folder, "run", "check");    // tsc --noEmit -p . (strict)
    }

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

    /// <summary>Runs npm in the folder and fails with its output, so a compiler error shows in the test result.</summary>
    private static async Task NpmAsync(string folder, params string[] arguments)
    {
        var command = $"npm {string.Join(' ', arguments)}";
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"`{command}` did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"`{command}` could not run ({e.Message}). This test needs Node.js 20+ and npm on the PATH: it checks that a TypeScript client " +
                "generated from the OpenAPI document compiles.", e);
        }
        using (process)
        {
            // A bound only against a hung process (e.g. npm waiting on an unreachable registry), not a timing assertion.
            using var hung = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var stdout = process.StandardOutput.ReadToEndAsync(hung.Token);
            var stderr = process.StandardError.ReadToEndAsync(hung.Token);
            try
            {
                await process.WaitForExitAsync(hung.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`{command}` in {folder} did not finish in 5 minutes.");
            }
            var output = $"{await stdout}\n{await stderr}".Trim();
            Assert.True(process.ExitCode == 0, $"`{command}` in {folder} failed with exit code {process.ExitCode}:\n{output}");
        }
    }
}
