using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Smart.BuildingBlocks.Modules;

namespace Smart.BuildingBlocks.Messaging;

/// <summary>
/// Stable message names: every message that crosses the outbox carries <c>[DataContract(Name = "module.thing-happened.v1")]</c>
/// (a framework attribute, so <c>.Contracts</c> stay free of our packages). The stored name, never the CLR name,
/// identifies a message, so renaming a class does not orphan stored messages.
/// </summary>
internal sealed class MessageTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = [];

    public MessageTypes(ModuleCatalog catalog)
    {
        var assemblies = catalog.Modules
            .SelectMany(m => ContractsOf(m.GetType().Assembly).Prepend(m.GetType().Assembly))
            .Distinct();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetCustomAttribute<DataContractAttribute>() is not { Name: { Length: > 0 } name }) continue;
            if (_byName.TryGetValue(name, out var existing) && existing != type)
            {
                throw new InvalidOperationException($"Message name '{name}' is used by both {existing} and {type}.");
            }
            _byName[name] = type;
            _byType[type] = name;
        }
    }

    public string NameOf(Type type) => _byType.TryGetValue(type, out var name)
        ? name
        : throw new InvalidOperationException($"{type} has no stable name: add [DataContract(Name = \"module.message-name.v1\")].");

    public Type? Find(string name) => _byName.GetValueOrDefault(name);

    private static IEnumerable<Assembly> ContractsOf(Assembly module) => module.GetReferencedAssemblies()
        .Where(a => a.Name is { } n && n.StartsWith("Smart.Modules.", StringComparison.Ordinal) && n.EndsWith(".Contracts", StringComparison.Ordinal))
        .Select(Assembly.Load);
}
