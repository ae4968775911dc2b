using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Smart.BuildingBlocks.Documents;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Reporting.Contracts;
using Smart.Modules.Reporting.Rendering;
using Wolverine;
using Wolverine.Http;

namespace Smart.Modules.Reporting.Features.Reports;

/// <summary>
/// The annual report of an entity, for its staff (advisors, operators, admins) and platform admins; anyone else gets 404.
/// A year before 2000 or after the current one is a 400.
/// </summary>
public static class AnnualReportEndpoints
{
    private const string Report = "/api/reporting/entities/{entityId:guid}/reports/{year:int}";

    [WolverineGet(Report, OperationId = "GetAnnualReport"), ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("The entity's annual activity report for a year: every table with its columns, rows and total row, and the definitions it was computed with.")]
    public static async Task<Ok<AnnualReport>> Get(Guid entityId, int year, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<AnnualReport>(new GetAnnualReport(entityId, year), ct));

    [WolverineGet(Report + "/tables/{key}", OperationId = "GetAnnualReportTable"), ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("One table of the report, by its key (e.g. facturation-modules).")]
    public static async Task<Ok<ReportTable>> GetTable(Guid entityId, int year, string key, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(TableOf(await bus.InvokeAsync<AnnualReport>(new GetAnnualReport(entityId, year), ct), key));

    [WolverineGet(Report + "/tables/{key}/csv", OperationId = "GetAnnualReportTableCsv"), ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, ReportCsv.ContentType)]
    [EndpointSummary("One table of the report as CSV: a header line, the rows, the total row; numbers with a decimal point.")]
    public static async Task<FileContentHttpResult> GetTableCsv(Guid entityId, int year, string key, IMessageBus bus, CancellationToken ct)
    {
        var report = await bus.InvokeAsync<AnnualReport>(new GetAnnualReport(entityId, year), ct);
        return TypedResults.File(ReportCsv.Render(TableOf(report, key)), ReportCsv.ContentType, $"{report.EntityCode}-{year}-{key}.csv");
    }

    [WolverineGet(Report + "/xlsx", OperationId = "GetAnnualReportWorkbook"), ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, ReportWorkbook.ContentType)]
    [EndpointSummary("The report as an Excel workbook, one sheet per table.")]
    public static async Task<FileContentHttpResult> GetWorkbook(Guid entityId, int year, IMessageBus bus, CancellationToken ct)
    {
        var report = await bus.InvokeAsync<AnnualReport>(new GetAnnualReport(entityId, year), ct);
        return TypedResults.File(ReportWorkbook.Render(report), ReportWorkbook.ContentType, $"rapport-activite-{report.EntityCode}-{year}.xlsx");
    }

    [WolverineGet(Report + "/html", OperationId = "GetAnnualReportPage"), ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [EndpointSummary("The report as a printable HTML page in French, with its charts (SVG).")]
    public static async Task<ContentHttpResult> GetPage(Guid entityId, int year, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Html(ReportDocument.Build(await bus.InvokeAsync<AnnualReport>(new GetAnnualReport(entityId, year), ct)));

    [WolverineGet(Report + "/pdf", OperationId = "GetAnnualReportPdf"), ProducesValidationProblem, ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, DocumentPdf.ContentType)]
    [EndpointSummary("The report as an A4 PDF: the same content and charts as its HTML page.")]
    public static async Task<FileContentHttpResult> GetPdf(Guid entityId, int year, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Pdf(ReportDocument.Build(await bus.InvokeAsync<AnnualReport>(new GetAnnualReport(entityId, year), ct)));

    private static ReportTable TableOf(AnnualReport report, string key) =>
        report.Tables.FirstOrDefault(t => t.Key == key) ?? throw new NotFoundException("Report table", key);
}
