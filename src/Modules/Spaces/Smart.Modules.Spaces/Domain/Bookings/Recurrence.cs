using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Smart.Modules.Spaces.Domain.Bookings;

/// <summary>The dates of a recurring booking, from an RFC 5545 rule (e.g. FREQ=WEEKLY;COUNT=10) read by Ical.Net.</summary>
internal static class Recurrence
{
    /// <summary>Two years of weekly bookings: a series longer than that is refused.</summary>
    public const int MaxOccurrences = 104;

    /// <summary>A rule Spaces books: parsable, daily, weekly or monthly, and finite (COUNT or UNTIL).</summary>
    public static bool IsBookable(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule) || rule.Length > 300) return false;
        try
        {
            var pattern = new RecurrencePattern(rule);
            return pattern.Frequency is Ical.Net.FrequencyType.Daily or Ical.Net.FrequencyType.Weekly or Ical.Net.FrequencyType.Monthly
                && (pattern.Count is not null || pattern.Until is not null);
        }
        catch (Exception)
        {
            // Any text a client sends: whatever the parser throws on it means "not a rule we book".
            return false;
        }
    }

    /// <summary>
    /// The occurrences' dates, the first being <paramref name="first"/>; at most <see cref="MaxOccurrences"/> + 1 (to tell
    /// a series too long); null when Ical.Net cannot evaluate the rule (e.g. one that never matches a date).
    /// </summary>
    public static IReadOnlyList<DateOnly>? Dates(DateOnly first, TimeOnly start, string rule)
    {
        var series = new CalendarEvent
        {
            DtStart = new CalDateTime(first.Year, first.Month, first.Day, start.Hour, start.Minute, start.Second),
            RecurrenceRule = new RecurrencePattern(rule),
        };
        try
        {
            return series.GetOccurrences().Take(MaxOccurrences + 1).Select(o => DateOnly.FromDateTime(o.Period.StartTime.Value)).ToList();
        }
        catch (Exception)
        {
            // Ical.Net gives up on rules it cannot evaluate within its limits (its own exception types): refused as input.
            return null;
        }
    }
}
