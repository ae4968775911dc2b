using Smart.Modules.Governance.Domain.Shareholding;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Assemblies;

public enum ResolutionKind
{
    /// <summary>Adopted at more than 50 %; quorum on first convocation: a quarter of the voting rights.</summary>
    Ordinary,

    /// <summary>Adopted at two thirds or more; quorum on first convocation: a third of the voting rights.</summary>
    Extraordinary,
}

public enum Convocation
{
    First,
    Second,
}

public enum Choice
{
    Yes,
    No,

    /// <summary>Not a vote cast: it counts for the quorum, not in the result.</summary>
    Abstain,
}

/// <summary>
/// The quorum of a general assembly (Code de commerce for a cooperative SA, as SmartFr's articles repeat): on first
/// convocation a quarter (ordinary) or a third (extraordinary) of the voting rights present or represented; none on second
/// convocation. The law's fractions, not an entity's setting.
/// </summary>
internal static class Quorum
{
    public static bool IsReached(ResolutionKind kind, Convocation convocation, int votingRights, int presentOrRepresented) =>
        convocation == Convocation.Second || kind switch
        {
            ResolutionKind.Ordinary => presentOrRepresented * 4L >= votingRights,
            _ => presentOrRepresented * 3L >= votingRights,
        };
}

/// <summary>A college's votes in a resolution's tally, and the weight it counted with once empty colleges gave theirs away.</summary>
public sealed record CollegeTally(VotingCollege College, decimal Weight, int Yes, int No, int Abstain, decimal CountedWeight)
{
    public int Cast => Yes + No;
}

/// <summary>A resolution's result: the weighted yes share (4 decimals, 0.6389 for 63.89 %), the quorum and the decision.</summary>
public sealed record ResolutionTally(Guid ResolutionId, ResolutionKind Kind, IReadOnlyList<CollegeTally> Colleges, decimal Result, bool QuorumReached, bool Adopted);

/// <summary>
/// The tally by college: each college's yes share among the votes cast in it, times its weight; a college where no vote
/// was cast gives its weight to the others in proportion to theirs. Adopted above 50 % (ordinary) or at two thirds
/// (extraordinary), compared exactly (as fractions, never on a rounded percentage).
/// </summary>
internal static class Tally
{
    public static ResolutionTally Compute(Guid resolutionId, ResolutionKind kind, IReadOnlyList<CollegeWeight> weights,
        IEnumerable<(VotingCollege College, Choice Choice)> ballots, bool quorumReached)
    {
        var counts = ballots.GroupBy(b => b.College).ToDictionary(g => g.Key, g => (
            Yes: g.Count(b => b.Choice == Choice.Yes), No: g.Count(b => b.Choice == Choice.No), Abstain: g.Count(b => b.Choice == Choice.Abstain)));
        var colleges = weights.OrderBy(w => w.College).Select(w =>
        {
            var (yes, no, abstain) = counts.GetValueOrDefault(w.College);
            return (w.College, w.Weight, Yes: yes, No: no, Abstain: abstain);
        }).ToList();
        var voting = colleges.Where(c => c.Yes + c.No > 0).ToList();
        var votingWeight = voting.Sum(c => c.Weight);

        // result = Σ (w_c / W) · (yes_c / cast_c) = N / D with D = W · Π cast_k and N = Σ w_c · yes_c · Π_{k≠c} cast_k.
        var product = voting.Aggregate(1m, (p, c) => p * (c.Yes + c.No));
        var numerator = voting.Sum(c => c.Weight * c.Yes * (product / (c.Yes + c.No)));
        var denominator = votingWeight * product;
        var adopted = quorumReached && voting.Count > 0 && kind switch
        {
            ResolutionKind.Ordinary => 2 * numerator > denominator,
            _ => 3 * numerator >= 2 * denominator,
        };
        var result = voting.Count == 0 ? 0m : Math.Round(numerator / denominator, 4, MidpointRounding.ToEven);
        return new ResolutionTally(resolutionId, kind,
            colleges.Select(c => new CollegeTally(c.College, c.Weight, c.Yes, c.No, c.Abstain,
                c.Yes + c.No > 0 ? Math.Round(c.Weight / votingWeight, 6, MidpointRounding.ToEven) : 0m)).ToList(),
            result, quorumReached, adopted);
    }
}
