using Smart.BuildingBlocks.Domain;
using Smart.Modules.Training.Contracts;

namespace Smart.Modules.Training.Domain.Catalogue;

/// <summary>What a trainee pays, excl. VAT, by audience.</summary>
internal sealed record Prices(decimal Member, decimal NonMember, decimal Staff)
{
    public static readonly Prices Free = new(0m, 0m, 0m);

    public decimal For(TraineeAudience audience) => audience switch
    {
        TraineeAudience.Member => Member,
        TraineeAudience.NonMember => NonMember,
        TraineeAudience.Staff => Staff,
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown audience."),
    };
}

/// <summary>The entity's VAT on training as Governance's rules had it for the school year: exempt with its legal mention, or a rate.</summary>
internal sealed record TrainingVat(bool Exempt, decimal Rate, string? Mention)
{
    /// <summary>A price excl. VAT with its VAT, rounded to the cent.</summary>
    public decimal InclVat(decimal price) => Exempt ? price : Money.RoundToCents(price * (1 + Rate));
}

/// <summary>
/// A training of the catalogue of one school year (October to June) in one of the six axes: what it teaches, how long it
/// lasts, its prices per audience and the entity's VAT on training for that year.
/// </summary>
internal sealed class TrainingCourse : AggregateRoot
{
    private TrainingCourse()
    {
        Title = Objectives = Programme = Prerequisites = null!;
        Prices = null!;
        Vat = null!;
    }

    public Guid EntityId { get; private set; }

    /// <summary>The year the school year starts in (2025 for 2025–2026).</summary>
    public int SchoolYear { get; private set; }

    public TrainingAxis Axis { get; private set; }

    public string Title { get; private set; }

    public string Objectives { get; private set; }

    public string Programme { get; private set; }

    public string Prerequisites { get; private set; }

    public decimal Days { get; private set; }

    public decimal Hours { get; private set; }

    public Prices Prices { get; private set; }

    public TrainingVat Vat { get; private set; }

    public static DateOnly SchoolYearStart(int schoolYear) => new(schoolYear, 10, 1);

    public static DateOnly SchoolYearEnd(int schoolYear) => new(schoolYear + 1, 6, 30);

    /// <summary>The school year a date falls in: October to September, the summer counting with the year that ends.</summary>
    public static int SchoolYearOf(DateOnly date) => date.Month >= 10 ? date.Year : date.Year - 1;

    public static TrainingCourse Add(Guid entityId, int schoolYear, TrainingAxis axis, string title, string objectives, string programme, string prerequisites,
        decimal days, decimal hours, Prices prices, TrainingVat vat) => new()
    {
        Id = Guid.CreateVersion7(),
        EntityId = entityId,
        SchoolYear = schoolYear,
        Axis = axis,
        Title = title.Trim(),
        Objectives = objectives.Trim(),
        Programme = programme.Trim(),
        Prerequisites = prerequisites.Trim(),
        Days = days,
        Hours = hours,
        Prices = prices,
        Vat = vat,
    };

    public void ChangePrices(Prices prices) => Prices = prices;
}
