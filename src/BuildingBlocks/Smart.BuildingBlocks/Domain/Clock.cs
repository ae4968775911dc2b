namespace Smart.BuildingBlocks.Domain;

public static class Clock
{
    /// <summary>Today's business date. Business dates are calendar days in UTC; timestamps stay UTC.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
