using Smart.BuildingBlocks.Domain;
using Smart.Modules.Payroll.Domain.Rates;

namespace Smart.Modules.Payroll.Domain.Payslips;

/// <summary>A contribution line of a table with its cap for one pay period (null: applies to the whole gross).</summary>
internal sealed record CappedLine(string Name, decimal EmployeeRate, decimal EmployerRate, decimal? Cap)
{
    public decimal BaseFor(decimal gross) => Cap is { } cap ? Math.Min(gross, cap) : gross;

    public decimal EmployerAmount(decimal gross) => Money.RoundToCents(BaseFor(gross) * EmployerRate);

    public decimal EmployeeAmount(decimal gross) => Money.RoundToCents(BaseFor(gross) * EmployeeRate);

    public static IReadOnlyList<CappedLine> For(ContributionTable table, decimal periodCeiling) =>
        table.Lines.OrderBy(l => l.Position).Select(l => new CappedLine(l.Name, l.EmployeeRate, l.EmployerRate, l.CapFor(periodCeiling))).ToList();
}

/// <summary>
/// Finds the gross G that an employment budget B pays for: G + Σ employer contributions(G) = B. The cost
/// cost(G) = G + Σ rateᵢ × min(G, capᵢ) is piecewise linear and increasing, with a break at each cap: the solver finds the
/// segment whose cost range holds B and solves G there exactly, then rounds to the cent and moves by whole cents to the
/// largest G whose cost with every line rounded to the cent is at most B (ADR 0031). When no G hits B to the cent, the
/// difference (a cent or two) is not spent: it stays in the activity's budget.
/// </summary>
internal static class GrossSolver
{
    private const decimal Cent = 0.01m;

    public static decimal Solve(decimal budget, IReadOnlyList<CappedLine> lines)
    {
        if (budget <= 0) return 0m;
        var gross = Money.RoundToCents(ExactGross(budget, lines));
        // Rounding each line moves the cost by at most half a cent per line: a few steps at most.
        while (gross > 0 && Cost(gross, lines) > budget) gross -= Cent;
        while (Cost(gross + Cent, lines) <= budget) gross += Cent;
        return gross;
    }

    /// <summary>The employer cost of a gross: the gross plus every employer contribution rounded to the cent.</summary>
    public static decimal Cost(decimal gross, IReadOnlyList<CappedLine> lines) => gross + lines.Sum(l => l.EmployerAmount(gross));

    /// <summary>The exact (unrounded) solution of G + Σ rateᵢ × min(G, capᵢ) = B.</summary>
    public static decimal ExactGross(decimal budget, IReadOnlyList<CappedLine> lines)
    {
        var breaks = lines.Where(l => l.Cap is not null && l.EmployerRate != 0).Select(l => l.Cap!.Value).Distinct().Order().ToList();
        var lower = 0m;
        foreach (var upper in breaks.Append(decimal.MaxValue))
        {
            // On [lower, upper] the lines capped at or below lower are constant, the others grow with G.
            var slope = 1m + lines.Where(l => l.Cap is null || l.Cap > lower).Sum(l => l.EmployerRate);
            var constant = lines.Where(l => l.Cap <= lower).Sum(l => l.EmployerRate * l.Cap!.Value);
            if (upper == decimal.MaxValue || budget <= slope * upper + constant)
            {
                return (budget - constant) / slope;
            }
            lower = upper;
        }
        throw new InvalidOperationException("Unreachable: the last segment is unbounded.");
    }
}

/// <summary>One line of a payslip: the contribution, its base and both amounts, each rounded half-even to the cent.</summary>
public sealed record PayslipLineFigures(string Name, decimal Base, decimal EmployeeRate, decimal EmployeeAmount, decimal EmployerRate, decimal EmployerAmount);

/// <summary>
/// Every figure of a payslip from an employment budget: gross (solved), each contribution line, net = gross − employee
/// contributions, income tax withheld = net × the employee's rate, net paid = net − tax, employer cost = gross + employer
/// contributions (≤ budget, equal to the cent whenever a cent can hit it).
/// </summary>
internal sealed record PayFigures(
    decimal EmploymentBudget,
    decimal Gross,
    IReadOnlyList<PayslipLineFigures> Lines,
    decimal EmployeeContributions,
    decimal EmployerContributions,
    decimal EmployerCost,
    decimal Net,
    decimal IncomeTaxRate,
    decimal IncomeTax,
    decimal NetPaid)
{
    /// <summary>
    /// The "montant net social" (décret 2023-1221, on payslips since July 2023): gross minus every mandatory employee
    /// social contribution (CSG and CRDS included), plus benefits in kind and employer-paid non-collective cover. Smart's
    /// payslips have neither, and every line of their contribution tables is a social contribution, so it is gross −
    /// employee contributions (ADR 0093).
    /// </summary>
    public decimal NetSocial => NetSocialOf(Gross, EmployeeContributions);

    public static decimal NetSocialOf(decimal gross, decimal employeeContributions) => gross - employeeContributions;

    public static PayFigures Compute(decimal employmentBudget, IReadOnlyList<CappedLine> lines, decimal incomeTaxRate)
    {
        var gross = GrossSolver.Solve(employmentBudget, lines);
        var figures = lines.Select(l => new PayslipLineFigures(l.Name, l.BaseFor(gross), l.EmployeeRate, l.EmployeeAmount(gross), l.EmployerRate, l.EmployerAmount(gross)))
            .ToList();
        var employee = figures.Sum(f => f.EmployeeAmount);
        var employer = figures.Sum(f => f.EmployerAmount);
        var net = gross - employee;
        var tax = Money.RoundToCents(net * incomeTaxRate);
        return new PayFigures(employmentBudget, gross, figures, employee, employer, gross + employer, net, incomeTaxRate, tax, net - tax);
    }
}
