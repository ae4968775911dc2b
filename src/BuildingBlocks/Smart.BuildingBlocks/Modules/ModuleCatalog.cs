using System.Reflection;

namespace Smart.BuildingBlocks.Modules;

/// <summary>The modules the host registered; everything the bus and the migrator need is derived from it.</summary>
public sealed class ModuleCatalog
{
    private readonly List<IModule> _modules = [];

    public IReadOnlyList<IModule> Modules => _modules;

    internal void Add(IModule module)
    {
        if (_modules.Any(m => m.Name == module.Name || m.Schema == module.Schema))
        {
            throw new InvalidOperationException($"Module {module.Name} is registered twice.");
        }
        _modules.Add(module);
    }

    public IModule OwnerOf(Type type) =>
        FindOwner(type.Assembly) ?? throw new InvalidOperationException($"{type} does not belong to a registered module.");

    public IModule? FindOwner(Assembly assembly) => _modules.FirstOrDefault(m => m.GetType().Assembly == assembly);
}
