namespace Smart.Modules.Breaches.Features;

/// <summary>
/// Not an internal-by-default breach: a public handler, as Wolverine requires (it discovers public handler types only);
/// the fake host's breach is to reach it past the entry type.
/// </summary>
public sealed class PublicBreachHandler
{
    public string Handle(string message) => message;
}
