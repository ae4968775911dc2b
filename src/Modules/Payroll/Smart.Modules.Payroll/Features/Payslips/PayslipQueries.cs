using FluentValidation;
using Microsoft.AspNetCore.Http;
using Marten;
using Smart.BuildingBlocks.Domain;
using Wolverine;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Modules.Payroll.Domain.Employment;
using Smart.Modules.Payroll.Domain.Payslips;
using Smart.Modules.Payroll.Persistence;

using Smart.BuildingBlocks.Documents;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Contracts;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Smart.Modules.Payroll.Features.Payslips;

public sealed record PayslipLineView(string Name, decimal Base, decimal EmployeeRate, decimal EmployeeAmount, decimal EmployerRate, decimal EmployerAmount);

/// <summary>
/// A payslip with every figure and what its document prints (ADR 0093): the employer (the entity's identity in force at
/// issue), the employee's classification and masked social security number, the hours or days worked, the "montant net
/// social". <see cref="Snapshot"/> is false for payslips issued before those were kept: the employee's name and job are
/// then read from the current records, the employer is null and the net social is computed from the stored figures.
/// </summary>
public sealed record PayslipView(
    Guid Id, Guid ContractId, Guid SalaryRequestId, Guid ActivityId, Guid MemberId, string EmployeeName, string Job, ContractKind ContractKind,
    DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly IssuedOn, DateOnly PayDate, string ContributionTable, decimal PeriodCeiling,
    decimal EmploymentBudget, decimal Gross, IReadOnlyList<PayslipLineView> Lines, decimal EmployeeContributions, decimal EmployerContributions,
    decimal EmployerCost, decimal Net, decimal IncomeTaxRate, decimal IncomeTax, decimal NetPaid, PayslipStatus Status, DateOnly? PaidOn,
    decimal? GuaranteeFundAdvance, decimal NetSocial, PayslipEmployer? Employer, string? Classification, string? SocialSecurityNumber, decimal? Days,
    decimal Hours, bool Snapshot);

/// <summary>A payslip in the list, without its lines.</summary>
public sealed record PayslipSummary(
    Guid Id, Guid ContractId, Guid ActivityId, Guid MemberId, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly PayDate, decimal Gross,
    decimal EmployerCost, decimal NetPaid, PayslipStatus Status);

public sealed record GetPayslip(Guid PayslipId);

/// <summary>Payslips the caller may see, latest pay date first, optionally for one member or activity.</summary>
public sealed record ListPayslips(Guid? MemberId = null, Guid? ActivityId = null, int Page = 1, int PageSize = 50)
{
    internal sealed class Validator : AbstractValidator<ListPayslips>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }
}

/// <summary>A member's payslip as a printable document (HTML page or PDF), from what it stored at issue.</summary>
public sealed record GetPayslipDocument(Guid PayslipId);

public sealed class PayslipQueriesHandler(ICurrentUser user)
{
    public Task<PayslipView> HandleAsync(GetPayslip query, IQuerySession session, CancellationToken cancellationToken) =>
        ViewAsync(query.PayslipId, session, cancellationToken);

    public async Task<PrintableDocument> HandleAsync(GetPayslipDocument query, IQuerySession session, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(query.PayslipId, session, cancellationToken);
        return PayslipDocument.Build(new PayslipPrint(view.Id, view.Employer, view.EmployeeName, view.Job, view.Classification, view.SocialSecurityNumber,
                view.ContractKind, view.Days, view.Hours, view.PeriodStart, view.PeriodEnd, view.IssuedOn, view.PayDate, view.ContributionTable, view.PeriodCeiling,
                view.Gross, view.Lines, view.EmployeeContributions, view.EmployerContributions, view.EmployerCost, view.Net, view.IncomeTaxRate, view.IncomeTax,
                view.NetPaid, view.NetSocial, view.Snapshot),
            await session.LogoAsync(view.Employer, cancellationToken));
    }

    private async Task<PayslipView> ViewAsync(Guid payslipId, IQuerySession session, CancellationToken cancellationToken)
    {
        var payslip = await session.Query<Payslip>().VisibleTo(user).SingleOrDefaultAsync(p => p.Id == payslipId, cancellationToken)
            ?? throw new NotFoundException("Payslip", payslipId);
        var contract = (await session.LoadAsync<EmploymentContract>(payslip.ContractId, cancellationToken))!;
        // A payslip issued before its sheet was kept: the name is the member's current one, the job and hours the contract's (ADR 0093).
        var sheet = payslip.Sheet ?? contract.Sheet(null, (await session.LoadAsync<Employee>(payslip.MemberId, cancellationToken))!.DisplayName, null, null);
        return new PayslipView(payslip.Id, payslip.ContractId, payslip.SalaryRequestId, payslip.ActivityId, payslip.MemberId, sheet.EmployeeName, sheet.Job,
            sheet.ContractKind, payslip.PeriodStart, payslip.PeriodEnd, payslip.IssuedOn, payslip.PayDate, payslip.ContributionTable, payslip.PeriodCeiling,
            payslip.EmploymentBudget, payslip.Gross, payslip.Lines.OrderBy(l => l.Position)
                .Select(l => new PayslipLineView(l.Name, l.Base, l.EmployeeRate, l.EmployeeAmount, l.EmployerRate, l.EmployerAmount)).ToList(),
            payslip.EmployeeContributions, payslip.EmployerContributions, payslip.EmployerCost, payslip.Net, payslip.IncomeTaxRate, payslip.IncomeTax,
            payslip.NetPaid, payslip.Status, payslip.PaidOn, payslip.GuaranteeFundAdvance,
            payslip.NetSocial ?? PayFigures.NetSocialOf(payslip.Gross, payslip.EmployeeContributions), sheet.Employer, sheet.Classification, sheet.SocialSecurityNumber,
            sheet.Days, sheet.Hours, payslip.Sheet is not null);
    }

    public async Task<PagedResult<PayslipSummary>> HandleAsync(ListPayslips query, IQuerySession session, CancellationToken cancellationToken)
    {
        var payslips = session.Query<Payslip>().VisibleTo(user);
        if (query.MemberId is { } memberId) payslips = payslips.Where(p => p.MemberId == memberId);
        if (query.ActivityId is { } activityId) payslips = payslips.Where(p => p.ActivityId == activityId);
        var total = await payslips.CountAsync(cancellationToken);
        var page = await payslips.OrderByDescending(p => p.PayDate).ThenByDescending(p => p.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<PayslipSummary>(page.Select(p => new PayslipSummary(p.Id, p.ContractId, p.ActivityId, p.MemberId, p.PeriodStart, p.PeriodEnd,
            p.PayDate, p.Gross, p.EmployerCost, p.NetPaid, p.Status)).ToList(), query.Page, query.PageSize, total);
    }
}

public static class PayslipQueriesEndpoints
{
    [WolverineGet("/api/payroll/payslips/{payslipId:guid}", OperationId = "GetPayslip"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A payslip with every line: gross, each contribution, net, income tax, net paid, net social, employer cost, and the employer's identity.")]
    public static async Task<Ok<PayslipView>> Get(Guid payslipId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PayslipView>(new GetPayslip(payslipId), ct));

    [WolverineGet("/api/payroll/payslips/{payslipId:guid}/html", OperationId = "GetPayslipDocument"), ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [EndpointSummary("The payslip as a printable HTML page, in French, with the mentions of Code du travail R3243-1.")]
    public static async Task<ContentHttpResult> GetDocument(Guid payslipId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Html(await bus.InvokeAsync<PrintableDocument>(new GetPayslipDocument(payslipId), ct));

    [WolverineGet("/api/payroll/payslips/{payslipId:guid}/pdf", OperationId = "GetPayslipPdf"), ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, DocumentPdf.ContentType)]
    [EndpointSummary("The payslip as an A4 PDF: the same content as its HTML page.")]
    public static async Task<FileContentHttpResult> GetPdf(Guid payslipId, IMessageBus bus, CancellationToken ct) =>
        DocumentResults.Pdf(await bus.InvokeAsync<PrintableDocument>(new GetPayslipDocument(payslipId), ct));

    [WolverineGet("/api/payroll/payslips", OperationId = "ListPayslips"), ProducesValidationProblem]
    [EndpointSummary("Payslips the caller may see (a member: their own), latest pay date first.")]
    public static async Task<Ok<PagedResult<PayslipSummary>>> List(Guid? memberId, Guid? activityId, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<PayslipSummary>>(new ListPayslips(memberId, activityId, page ?? 1, pageSize ?? 50), ct));
}
