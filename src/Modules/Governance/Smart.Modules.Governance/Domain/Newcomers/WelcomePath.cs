using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Newcomers;

/// <summary>The steps of a new member's welcome path, in the order they usually come.</summary>
public enum WelcomeStep
{
    /// <summary>The newcomer attended an information session of their office (Training).</summary>
    InformationSessionAttended,

    /// <summary>An experienced member sponsors the newcomer.</summary>
    SponsorAssigned,

    /// <summary>The newcomer opened their first activity (Activities).</summary>
    FirstActivityOpened,

    /// <summary>Their first invoice was issued (Activities).</summary>
    FirstInvoiceIssued,

    /// <summary>Their first employment contract was declared (Payroll).</summary>
    FirstContractDeclared,

    /// <summary>They attended a training of the catalogue (Training).</summary>
    FirstTrainingAttended,
}

/// <summary>A step and the date it was ticked (null: still to do).</summary>
internal sealed record WelcomeStepState(WelcomeStep Step, DateOnly? DoneOn);

/// <summary>
/// A new member's welcome path (id = the member's), opened at registration: a checklist ticked by the other modules'
/// events, and the sponsor accompanying them. A step keeps the date it was first done.
/// </summary>
internal sealed class WelcomePath
{
    private readonly List<WelcomeStepState> _steps = [];

    private WelcomePath()
    {
    }

    public Guid Id { get; private set; }

    public Guid EntityId { get; private set; }

    public Guid OfficeId { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    public Guid? SponsorId { get; private set; }

    public DateOnly? SponsoredOn { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<WelcomeStepState> Steps => _steps;

    public bool IsComplete => _steps.All(s => s.DoneOn is not null);

    public static WelcomePath Open(Guid memberId, Guid entityId, Guid officeId, DateOnly registeredOn)
    {
        var path = new WelcomePath { Id = memberId, EntityId = entityId, OfficeId = officeId, RegisteredOn = registeredOn };
        path._steps.AddRange(Enum.GetValues<WelcomeStep>().Select(s => new WelcomeStepState(s, null)));
        return path;
    }

    /// <summary>Whether <see cref="Tick"/> would change the step: not done yet, or done later than <paramref name="on"/>.</summary>
    public bool WouldTick(WelcomeStep step, DateOnly on) => !(_steps.Find(s => s.Step == step)?.DoneOn <= on);

    /// <summary>Ticks a step on a date, the earliest when events come out of order; false when it changes nothing (a later event, a redelivery).</summary>
    public bool Tick(WelcomeStep step, DateOnly on)
    {
        if (!WouldTick(step, on)) return false;
        var index = _steps.FindIndex(s => s.Step == step);
        _steps[index] = _steps[index] with { DoneOn = on };
        return true;
    }

    /// <summary>
    /// An experienced member sponsors this newcomer on <paramref name="on"/>: the newcomer has no sponsor yet and is a
    /// member for less than the newcomer months; the sponsor is another member of the same entity, a member for the
    /// sponsor's minimum months, active on that date, and sponsoring fewer than the maximum newcomers within 12 months.
    /// </summary>
    public void Sponsor(SponsorCandidate sponsor, DateOnly on, MemberLifeThresholds thresholds)
    {
        BusinessRules.Check(new OneSponsor(SponsorId));
        BusinessRules.Check(new NotOneself(Id == sponsor.MemberId));
        BusinessRules.Check(new StillANewcomer(RegisteredOn, on, thresholds.NewcomerMonths));
        BusinessRules.Check(new SponsorIsExperienced(sponsor.RegisteredOn, on, thresholds.SponsorMinimumMonths));
        BusinessRules.Check(new SponsorIsActive(sponsor.Typology));
        BusinessRules.Check(new SponsorHasRoom(sponsor.NewcomersWithin12Months, thresholds.MaxNewcomersPerSponsor));
        SponsorId = sponsor.MemberId;
        SponsoredOn = on;
        Tick(WelcomeStep.SponsorAssigned, on);
    }

    private sealed record OneSponsor(Guid? Current) : IBusinessRule
    {
        public bool IsBroken() => Current is not null;

        public string Message => "A newcomer has one sponsor, already chosen.";
    }

    private sealed record NotOneself(bool Same) : IBusinessRule
    {
        public bool IsBroken() => Same;

        public string Message => "A member cannot sponsor themselves.";
    }

    private sealed record StillANewcomer(DateOnly RegisteredOn, DateOnly On, int Months) : IBusinessRule
    {
        public bool IsBroken() => On < RegisteredOn || RegisteredOn.AddMonths(Months) <= On;

        public string Message => $"Only a member of less than {Months} months is sponsored (registered on {RegisteredOn:yyyy-MM-dd}).";
    }

    private sealed record SponsorIsExperienced(DateOnly RegisteredOn, DateOnly On, int Months) : IBusinessRule
    {
        public bool IsBroken() => RegisteredOn.AddMonths(Months) > On;

        public string Message => $"A sponsor has been a member for {Months} months at least (registered on {RegisteredOn:yyyy-MM-dd}).";
    }

    private sealed record SponsorIsActive(MemberTypology Typology) : IBusinessRule
    {
        public bool IsBroken() => Typology != MemberTypology.Active;

        public string Message => $"A sponsor is an active member over the last 12 months (not {Typology.ToString().ToLowerInvariant()}).";
    }

    private sealed record SponsorHasRoom(int Sponsored, int Max) : IBusinessRule
    {
        public bool IsBroken() => Sponsored >= Max;

        public string Message => $"A sponsor accompanies {Max} newcomers at most within 12 months.";
    }
}

/// <summary>Who would sponsor: since when they are a member, their typology on the day, and the newcomers they sponsored within the 12 months before it.</summary>
internal sealed record SponsorCandidate(Guid MemberId, DateOnly RegisteredOn, MemberTypology Typology, int NewcomersWithin12Months);
