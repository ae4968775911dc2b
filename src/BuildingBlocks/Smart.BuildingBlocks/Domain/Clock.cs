namespace Smart.BuildingBlocks.Domain;

public static class Clock
{
    /// <summary>Today's business date. Business dates are calendar days in UTC; timestamps stay UTC.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

public static class Money
{
    /// <summary>Rounds to the cent, half to even (banker's rounding): the one rounding of every amount we compute.</summary>
    public static decimal RoundToCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.ToEven);
}
