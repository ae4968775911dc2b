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

using static Smart.BuildingBlocks.Web.HtmlPage;
using Smart.Modules.Payroll.Members;
using Smart.Modules.Payroll.Contracts;
using Wolverine.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Smart.Modules.Payroll.Features.Payslips;

public sealed record PayslipLineView(string Name, decimal Base, decimal EmployeeRate, decimal EmployeeAmount, decimal EmployerRate, decimal EmployerAmount);

public sealed record PayslipView(
    Guid Id, Guid ContractId, Guid SalaryRequestId, Guid ActivityId, Guid MemberId, string EmployeeName, string Job, ContractKind ContractKind,
    DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly IssuedOn, DateOnly PayDate, string ContributionTable, decimal PeriodCeiling,
    decimal EmploymentBudget, decimal Gross, IReadOnlyList<PayslipLineView> Lines, decimal EmployeeContributions, decimal EmployerContributions,
    decimal EmployerCost, decimal Net, decimal IncomeTaxRate, decimal IncomeTax, decimal NetPaid, PayslipStatus Status, DateOnly? PaidOn,
    decimal? GuaranteeFundAdvance);

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

public sealed class PayslipQueriesHandler(ICurrentUser user)
{
    public async Task<PayslipView> HandleAsync(GetPayslip query, IQuerySession session, CancellationToken cancellationToken)
    {
        var payslip = await session.Query<Payslip>().VisibleTo(user).SingleOrDefaultAsync(p => p.Id == query.PayslipId, cancellationToken)
            ?? throw new NotFoundException("Payslip", query.PayslipId);
        var contract = (await session.LoadAsync<EmploymentContract>(payslip.ContractId, cancellationToken))!;
        var name = (await session.LoadAsync<Employee>(payslip.MemberId, cancellationToken))!.DisplayName;
        return new PayslipView(payslip.Id, payslip.ContractId, payslip.SalaryRequestId, payslip.ActivityId, payslip.MemberId, name, contract.Job, contract.Kind,
            payslip.PeriodStart, payslip.PeriodEnd, payslip.IssuedOn, payslip.PayDate, payslip.ContributionTable, payslip.PeriodCeiling, payslip.EmploymentBudget,
            payslip.Gross, payslip.Lines.OrderBy(l => l.Position)
                .Select(l => new PayslipLineView(l.Name, l.Base, l.EmployeeRate, l.EmployeeAmount, l.EmployerRate, l.EmployerAmount)).ToList(),
            payslip.EmployeeContributions, payslip.EmployerContributions, payslip.EmployerCost, payslip.Net, payslip.IncomeTaxRate, payslip.IncomeTax,
            payslip.NetPaid, payslip.Status, payslip.PaidOn, payslip.GuaranteeFundAdvance);
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

/// <summary>The payslip as a printable document (French labels: it is handed to the employee).</summary>
internal static class PayslipDocument
{
    public static string Render(PayslipView payslip)
    {
        var html = Start($"Bulletin de salaire {payslip.PeriodStart:dd/MM/yyyy}")
            .Append($"<h1>Bulletin de salaire</h1><p>{Encode(payslip.EmployeeName)} — {Encode(payslip.Job)} ({payslip.ContractKind.ToString().ToUpperInvariant()})</p>")
            .Append($"<p>Période : du {payslip.PeriodStart:dd/MM/yyyy} au {payslip.PeriodEnd:dd/MM/yyyy} — paiement le {payslip.PayDate:dd/MM/yyyy}</p>")
            .Append($"<p>Barème : {Encode(payslip.ContributionTable)} — plafond de la période : {Euros(payslip.PeriodCeiling)}</p>")
            .Append($"<p><strong>Salaire brut : {Euros(payslip.Gross)}</strong></p>")
            .Append("<table><thead><tr><th>Cotisation</th><th class=\"n\">Base</th><th class=\"n\">Taux salarial</th><th class=\"n\">Part salariale</th>")
            .Append("<th class=\"n\">Taux patronal</th><th class=\"n\">Part patronale</th></tr></thead><tbody>");
        foreach (var line in payslip.Lines)
        {
            html.Append($"<tr><td>{Encode(line.Name)}</td><td class=\"n\">{Euros(line.Base)}</td><td class=\"n\">{Percent(line.EmployeeRate, "0.00##")}</td>")
                .Append($"<td class=\"n\">{Euros(line.EmployeeAmount)}</td><td class=\"n\">{Percent(line.EmployerRate, "0.00##")}</td><td class=\"n\">{Euros(line.EmployerAmount)}</td></tr>");
        }
        html.Append($"<tr><th>Total des cotisations</th><td></td><td></td><th class=\"n\">{Euros(payslip.EmployeeContributions)}</th><td></td>")
            .Append($"<th class=\"n\">{Euros(payslip.EmployerContributions)}</th></tr></tbody></table>")
            .Append($"<p class=\"n\">Net avant impôt : {Euros(payslip.Net)}<br>Impôt sur le revenu prélevé à la source ({Percent(payslip.IncomeTaxRate, "0.00##")}) : {Euros(payslip.IncomeTax)}<br>")
            .Append($"<strong>Net payé : {Euros(payslip.NetPaid)}</strong><br>Coût employeur : {Euros(payslip.EmployerCost)}</p>");
        return End(html);
    }
}

public static class PayslipQueriesEndpoints
{
    [WolverineGet("/api/payroll/payslips/{payslipId:guid}", OperationId = "GetPayslip"), ProducesProblem(StatusCodes.Status404NotFound)]
    [EndpointSummary("A payslip with every line: gross, each contribution, net, income tax, net paid, employer cost.")]
    public static async Task<Ok<PayslipView>> Get(Guid payslipId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PayslipView>(new GetPayslip(payslipId), ct));

    [WolverineGet("/api/payroll/payslips/{payslipId:guid}/html", OperationId = "GetPayslipDocument"), ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [EndpointSummary("The payslip as a printable HTML document.")]
    public static async Task<ContentHttpResult> GetDocument(Guid payslipId, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Content(PayslipDocument.Render(await bus.InvokeAsync<PayslipView>(new GetPayslip(payslipId), ct)), HtmlPage.ContentType);

    [WolverineGet("/api/payroll/payslips", OperationId = "ListPayslips"), ProducesValidationProblem]
    [EndpointSummary("Payslips the caller may see (a member: their own), latest pay date first.")]
    public static async Task<Ok<PagedResult<PayslipSummary>>> List(Guid? memberId, Guid? activityId, int? page, int? pageSize, IMessageBus bus, CancellationToken ct) =>
        TypedResults.Ok(await bus.InvokeAsync<PagedResult<PayslipSummary>>(new ListPayslips(memberId, activityId, page ?? 1, pageSize ?? 50), ct));
}
