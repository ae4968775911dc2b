using Smart.Modules.Training.Contracts;

namespace Smart.Modules.Training.Domain.Sessions;

/// <summary>A trainee's rating of one question of the feedback form, 1 to 5.</summary>
internal sealed record Rating(string Question, int Score);

internal sealed record Feedback(IReadOnlyList<Rating> Ratings, string? Comment, DateTimeOffset GivenAt)
{
    public double Average => Ratings.Average(r => r.Score);
}

/// <summary>Where a non-member's invoice is addressed.</summary>
internal sealed record BillingAddress(string Line1, string? Line2, string PostalCode, string City, string Country);

/// <summary>
/// A trainee's place in a session: a member (charged to one of their activities), a non-member or staff. Its price and
/// its cancellation rule are those in force when it was made. <see cref="Charged"/> is what the member's activity is
/// charged for it and keeps being charged; a priced non-member is invoiced <see cref="Invoiced"/> by the entity's
/// programme activity in force when they registered (<see cref="InvoicingActivityId"/>, ADR 0087). Attendance is kept per half-day (their positions in the session).
/// </summary>
internal sealed class Registration
{
    private List<int> _attended = [];

    private Registration()
    {
        Name = Email = null!;
    }

    public Guid Id { get; private set; }

    public TraineeAudience Audience { get; private set; }

    public Guid? MemberId { get; private set; }

    public Guid? ActivityId { get; private set; }

    public string Name { get; private set; }

    public string Email { get; private set; }

    public RegistrationStatus Status { get; private set; }

    public decimal Price { get; private set; }

    public decimal Charged { get; private set; }

    public int FreeCancellationDays { get; private set; }

    public BillingAddress? Address { get; private set; }

    public Guid? InvoicingActivityId { get; private set; }

    public decimal Invoiced { get; private set; }

    public string? InvoiceNumber { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public IReadOnlyList<int> Attended => _attended;

    public Feedback? Feedback { get; private set; }

    /// <summary>The charge sent to Activities has this id: the registration's own.</summary>
    public Guid ChargeId => Id;

    public bool ChargesAnActivity => ActivityId is not null && Price > 0;

    public bool IsInvoiced => InvoicingActivityId is not null && Price > 0;

    public bool IsActive => Status != RegistrationStatus.Cancelled;

    public static Registration New(Guid id, TraineeAudience audience, Guid? memberId, Guid? activityId, string name, string email, decimal price,
        int freeCancellationDays, DateTimeOffset now, BillingAddress? address = null, Guid? invoicingActivityId = null) => new()
    {
        Address = address,
        InvoicingActivityId = invoicingActivityId,
        Id = id,
        Audience = audience,
        MemberId = memberId,
        ActivityId = activityId,
        Name = name,
        Email = email,
        Price = price,
        FreeCancellationDays = freeCancellationDays,
        RegisteredAt = now,
        Status = RegistrationStatus.Waiting,
    };

    /// <summary>Takes a seat: the member's activity is charged the price from now on, or the non-member invoiced it.</summary>
    public void Confirm()
    {
        Status = RegistrationStatus.Confirmed;
        Charged = ActivityId is null ? 0m : Price;
        Invoiced = IsInvoiced ? Price : 0m;
    }

    /// <summary>Activities issued the invoice.</summary>
    public void RecordInvoice(string number) => InvoiceNumber = number;

    /// <summary>
    /// Free when the session is <see cref="FreeCancellationDays"/> days away or more, or when only waiting: whether a
    /// charge is to be given back, and whether an invoice is to be credited.
    /// </summary>
    public (bool ReverseCharge, bool CreditInvoice) Cancel(DateTimeOffset startsAt, DateTimeOffset now)
    {
        var free = Status == RegistrationStatus.Waiting || startsAt - now >= TimeSpan.FromDays(FreeCancellationDays);
        Status = RegistrationStatus.Cancelled;
        CancelledAt = now;
        var given = (free && Charged > 0, free && Invoiced > 0);
        if (free) (Charged, Invoiced) = (0m, 0m);
        return given;
    }

    public void MarkAttendance(int halfDay, bool present)
    {
        _attended.Remove(halfDay);
        if (present) _attended.Add(halfDay);
        _attended.Sort();
    }

    public void GiveFeedback(Feedback feedback) => Feedback = feedback;
}
