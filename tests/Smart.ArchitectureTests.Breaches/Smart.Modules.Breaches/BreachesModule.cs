namespace Smart.Modules.Breaches;

/// <summary>Breach of the entry-point rule: the entry type is internal and does not implement IModule.</summary>
internal sealed class BreachesModule
{
    public string Name => "Breaches";
}
