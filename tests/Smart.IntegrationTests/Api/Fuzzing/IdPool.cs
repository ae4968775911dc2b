namespace Smart.IntegrationTests.Api.Fuzzing;

/// <summary>
/// Ids of real resources by the name a route or a body gives them (<c>activityId</c>, <c>clientId</c>…), whoever owns
/// them, so that requests reach past "not found" into the handlers; grows with what the fuzzer itself creates.
/// </summary>
internal sealed class IdPool
{
    private readonly Dictionary<string, List<Guid>> _ids = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string name, Guid id)
    {
        if (!_ids.TryGetValue(name, out var ids))
        {
            _ids[name] = ids = [];
        }
        if (!ids.Contains(id))
        {
            ids.Add(id);
        }
    }

    /// <summary>A real id of that kind, or a random one when none is known.</summary>
    public Guid Pick(Random random, string name) =>
        _ids.TryGetValue(name, out var ids) ? ids[random.Next(ids.Count)] : NewGuid(random);

    /// <summary>A real id of any kind: often a resource of the wrong kind, or someone else's.</summary>
    public Guid Any(Random random)
    {
        var kinds = _ids.Keys.Order(StringComparer.Ordinal).ToList();
        return kinds.Count == 0 ? NewGuid(random) : Pick(random, kinds[random.Next(kinds.Count)]);
    }

    /// <summary>A random id drawn from the fuzzer's seed, so that a run repeats exactly.</summary>
    public static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
