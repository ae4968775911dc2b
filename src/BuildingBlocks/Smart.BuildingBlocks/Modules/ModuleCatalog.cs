namespace Smart.BuildingBlocks.Modules;

/// <summary>The modules the host registered, in registration order.</summary>
public sealed class ModuleCatalog
{
    private readonly List<IModule> _modules = [];

    public IReadOnlyList<IModule> Modules => _modules;

    internal void Add(IModule module)
    {
        if (_modules.Any(m => m.Name == module.Name))
        {
            throw new InvalidOperationException($"Module {module.Name} is registered twice.");
        }
        _modules.Add(module);
    }
}
