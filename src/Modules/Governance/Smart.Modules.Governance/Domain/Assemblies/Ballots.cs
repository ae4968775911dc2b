using System.Security.Cryptography;
using System.Text;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Governance.Domain.Shareholding;
using Smart.Modules.Governance.Contracts;

namespace Smart.Modules.Governance.Domain.Assemblies;

public enum VoteChannel
{
    Electronic,

    /// <summary>Recorded by staff at the meeting.</summary>
    InPerson,
}

/// <summary>
/// Who voted on a resolution (never what): one per shareholder and resolution, its id derived from both. A vote cast by
/// a proxy holder is the giver's participation, <see cref="CastBy"/> naming the holder.
/// </summary>
internal sealed record Participation(Guid Id, Guid AssemblyId, Guid ResolutionId, Guid ShareholderId, VoteChannel Channel, Guid CastBy)
{
    public static Guid IdOf(Guid resolutionId, Guid shareholderId) => DerivedId.From("participation", resolutionId, shareholderId);
}

/// <summary>
/// What was voted, without who: the ballot's stream id is a keyed hash of the voter and the resolution under the
/// assembly's <see cref="BallotBoxKey"/>, which lets the voter's ballot be replaced until the close and is erased then.
/// The voter gets a receipt; only its hash is stored.
/// </summary>
internal sealed record BallotCast(Guid AssemblyId, Guid ResolutionId, VotingCollege College, Choice Choice, string ReceiptHash);

/// <summary>A ballot as its casts add up to: the latest choice counts; earlier receipts verify as replaced.</summary>
internal sealed record Ballot(Guid Id, Guid AssemblyId, Guid ResolutionId, VotingCollege College, Choice Choice, string ReceiptHash, IReadOnlyList<string> ReplacedReceipts)
{
    public static Ballot Cast(Guid id, BallotCast cast) => new(id, cast.AssemblyId, cast.ResolutionId, cast.College, cast.Choice, cast.ReceiptHash, []);

    public Ballot Recast(BallotCast cast) => this with { Choice = cast.Choice, ReceiptHash = cast.ReceiptHash, ReplacedReceipts = [.. ReplacedReceipts, ReceiptHash] };
}

/// <summary>The assembly's secret key for ballot ids (the document's id is the assembly's), created at the convocation, deleted at the close.</summary>
internal sealed record BallotBoxKey(Guid Id, string Key)
{
    public static BallotBoxKey For(Guid assemblyId) => new(assemblyId, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

    public Guid BallotIdOf(Guid resolutionId, Guid shareholderId)
    {
        byte[] voter = [.. resolutionId.ToByteArray(), .. shareholderId.ToByteArray()];
        var mac = HMACSHA256.HashData(Convert.FromHexString(Key), voter);
        return new Guid(mac.AsSpan(0, 16));
    }
}

/// <summary>A voter's receipt: 128 random bits shown once; the ballot keeps its SHA-256.</summary>
internal static class Receipt
{
    public static string New() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public static string Hash(string receipt) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(receipt.Trim().ToLowerInvariant()))).ToLowerInvariant();
}

/// <summary>The proxies a shareholder holds for an assembly (the document's id derives from both), within the configured maximum.</summary>
internal sealed class ProxyHolding
{
    private readonly List<Guid> _givers = [];

    private ProxyHolding()
    {
    }

    public Guid Id { get; private set; }

    public Guid AssemblyId { get; private set; }

    public Guid HolderId { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<Guid> Givers => _givers;

    public static Guid IdOf(Guid assemblyId, Guid holderId) => DerivedId.From("proxies", assemblyId, holderId);

    public static ProxyHolding Of(Guid assemblyId, Guid holderId) => new() { Id = IdOf(assemblyId, holderId), AssemblyId = assemblyId, HolderId = holderId };

    public void Take(Guid giverId, int maximum)
    {
        BusinessRules.Check(new ProxiesWithinMaximum(_givers.Count, maximum));
        _givers.Add(giverId);
    }

    private sealed record ProxiesWithinMaximum(int Held, int Maximum) : IBusinessRule
    {
        public bool IsBroken() => Held >= Maximum;

        public string Message => $"A shareholder holds at most {Maximum} proxies for an assembly.";
    }
}

/// <summary>Ids derived from other ids, so that "one per X and Y" is a primary key the database enforces.</summary>
internal static class DerivedId
{
    public static Guid From(string kind, Guid first, Guid second) =>
        new(SHA256.HashData([.. Encoding.UTF8.GetBytes(kind), .. first.ToByteArray(), .. second.ToByteArray()]).AsSpan(0, 16));
}
