using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Assemblies;

public enum AssemblyStatus
{
    /// <summary>Being prepared: agenda and resolutions may still change.</summary>
    Draft,

    /// <summary>The convocation was sent: electronic votes and proxies are open until the close.</summary>
    Convened,

    /// <summary>Votes closed and the results published.</summary>
    Closed,
}

/// <summary>A resolution put to the vote; <see cref="ApprovesAccounts"/> marks the approval of the year's accounts (refunds wait for it).</summary>
internal sealed record Resolution(Guid Id, int Number, string Title, string Text, ResolutionKind Kind, bool ApprovesAccounts);

/// <summary>What the close published: the voting rights on the assembly's day, who was present or represented, and each resolution's tally.</summary>
internal sealed record AssemblyResults(Convocation HeldOn, DateOnly Date, int VotingRights, int PresentOrRepresented, IReadOnlyList<ResolutionTally> Resolutions);

/// <summary>A general assembly of an entity's shareholders: convened with its agenda, voted resolution by resolution, closed with its published results.</summary>
internal sealed class Assembly : AggregateRoot
{
    private readonly List<string> _agenda = [];
    private readonly List<Resolution> _resolutions = [];

    private Assembly()
    {
        Title = Place = null!;
    }

    public Guid EntityId { get; private set; }

    public string Title { get; private set; }

    public string Place { get; private set; }

    public DateTimeOffset FirstConvocationAt { get; private set; }

    public DateTimeOffset SecondConvocationAt { get; private set; }

    public int DurationMinutes { get; private set; }

    public AssemblyStatus Status { get; private set; }

    public DateOnly? ConvenedOn { get; private set; }

    public IReadOnlyList<string> Agenda => _agenda;

    public IReadOnlyList<Resolution> Resolutions => _resolutions;

    public AssemblyResults? Results { get; private set; }

    /// <summary>The day the voting rights are counted on: the first convocation's.</summary>
    public DateOnly Date => DateOnly.FromDateTime(FirstConvocationAt.UtcDateTime);

    public static Assembly Plan(Guid entityId, string title, string place, DateTimeOffset first, DateTimeOffset second, int durationMinutes,
        IEnumerable<string> agenda, IEnumerable<(string Title, string Text, ResolutionKind Kind, bool ApprovesAccounts)> resolutions, DateTimeOffset now)
    {
        CheckRule(new ConvocationsFollowEachOther(first, second, now));
        var assembly = new Assembly
        {
            Id = Guid.CreateVersion7(),
            EntityId = entityId,
            Title = title.Trim(),
            Place = place.Trim(),
            FirstConvocationAt = first.ToUniversalTime(),
            SecondConvocationAt = second.ToUniversalTime(),
            DurationMinutes = durationMinutes,
            Status = AssemblyStatus.Draft,
        };
        assembly._agenda.AddRange(agenda.Select(a => a.Trim()));
        assembly._resolutions.AddRange(resolutions.Select((r, i) => new Resolution(Guid.CreateVersion7(), i + 1, r.Title.Trim(), r.Text.Trim(), r.Kind, r.ApprovesAccounts)));
        return assembly;
    }

    /// <summary>The convocation leaves at least the notice's days before the first convocation.</summary>
    public void Convene(int noticeDays, DateOnly today)
    {
        CheckRule(new IsInStatus(Status, AssemblyStatus.Draft, "convened"));
        CheckRule(new NoticeIsGiven(today, Date, noticeDays));
        Status = AssemblyStatus.Convened;
        ConvenedOn = today;
    }

    public Resolution Resolution(Guid resolutionId) =>
        _resolutions.SingleOrDefault(r => r.Id == resolutionId) ?? throw new NotFoundException("Resolution", resolutionId);

    /// <summary>Votes and proxies are taken between the convocation and the close.</summary>
    public void CheckOpenForVotes() => CheckRule(new IsInStatus(Status, AssemblyStatus.Convened, "voted on"));

    public void Close(AssemblyResults results)
    {
        CheckOpenForVotes();
        Status = AssemblyStatus.Closed;
        Results = results;
    }

    /// <summary>
    /// The closed assembly's results as published: its kind from its resolutions', the voting rights and participants its
    /// results counted, and how many of them voted electronically or through a proxy holder (counted by the caller from the
    /// participations).
    /// </summary>
    public AssemblyClosed ToClosed(int electronicVoters, int representedByProxy)
    {
        var results = Results ?? throw new InvalidOperationException("The assembly is not closed.");
        var kind = _resolutions.All(r => r.Kind == ResolutionKind.Ordinary) ? AssemblyKind.Ordinary
            : _resolutions.All(r => r.Kind == ResolutionKind.Extraordinary) ? AssemblyKind.Extraordinary
            : AssemblyKind.Combined;
        return new AssemblyClosed(Id, EntityId, results.Date, results.HeldOn == Convocation.First ? AssemblyConvocation.First : AssemblyConvocation.Second, kind,
            results.VotingRights, results.PresentOrRepresented, electronicVoters, representedByProxy, results.Resolutions.Count,
            results.Resolutions.Count(t => t.Adopted));
    }

    /// <summary>The day the accounts were approved, if this closed assembly adopted a resolution approving them.</summary>
    public DateOnly? AccountsApprovedOn => Results is { } results
        && _resolutions.Any(r => r.ApprovesAccounts && results.Resolutions.Any(t => t.ResolutionId == r.Id && t.Adopted))
        ? results.Date : null;

    private sealed record ConvocationsFollowEachOther(DateTimeOffset First, DateTimeOffset Second, DateTimeOffset Now) : IBusinessRule
    {
        public bool IsBroken() => First <= Now || Second <= First;

        public string Message => First <= Now ? "The first convocation must be in the future." : "The second convocation comes after the first.";
    }

    private sealed record IsInStatus(AssemblyStatus Status, AssemblyStatus Expected, string What) : IBusinessRule
    {
        public bool IsBroken() => Status != Expected;

        public string Message => Status == AssemblyStatus.Closed
            ? "The assembly is closed: its votes are over."
            : $"An assembly {Status.ToString().ToLowerInvariant()} cannot be {What}.";
    }

    private sealed record NoticeIsGiven(DateOnly Today, DateOnly Date, int NoticeDays) : IBusinessRule
    {
        public bool IsBroken() => Today.AddDays(NoticeDays) > Date;

        public string Message => $"Shareholders are convened at least {NoticeDays} days before the assembly: by {Date.AddDays(-NoticeDays):yyyy-MM-dd} for {Date:yyyy-MM-dd}.";
    }
}
