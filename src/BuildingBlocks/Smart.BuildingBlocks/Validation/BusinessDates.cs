using FluentValidation;

namespace Smart.BuildingBlocks.Validation;

/// <summary>
/// The dates a command may carry. Pay dates, month ends and schedules add days and months to business dates, so a date
/// near <see cref="DateOnly.MaxValue"/> would overflow into a 500; years 1900 to 2999 hold every real contract, month
/// and due date.
/// </summary>
public static class BusinessDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2999, 12, 31);

    /// <summary>Present (not the default date) and between <see cref="Earliest"/> and <see cref="Latest"/>.</summary>
    public static IRuleBuilderOptions<T, DateOnly> IsBusinessDate<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.InclusiveBetween(Earliest, Latest).WithMessage($"A date between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");
}
