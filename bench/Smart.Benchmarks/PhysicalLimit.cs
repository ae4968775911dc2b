using System.Globalization;

namespace Smart.Benchmarks;

/// <summary>
/// The cluster's physical limit measured in the same run: the Bench target runs pgbench first (TPC-B-like, 4 clients)
/// and passes its TPS (SMART_PGBENCH_TPS); each throughput that writes to the database is printed as a share of it.
/// </summary>
internal static class PhysicalLimit
{
    private static readonly double? PgbenchTps =
        double.TryParse(Environment.GetEnvironmentVariable("SMART_PGBENCH_TPS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var tps) && tps > 0 ? tps : null;

    /// <summary>" (3.8 % of pgbench's 3,205 TPS)", or nothing when the bench runs without pgbench's figure.</summary>
    public static string Share(double perSecond) =>
        PgbenchTps is { } tps ? string.Create(CultureInfo.InvariantCulture, $" ({100 * perSecond / tps:F1} % of pgbench's {tps:N0} TPS)") : "";
}
