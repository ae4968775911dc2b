using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Smart.BuildingBlocks.Domain;

namespace Smart.BuildingBlocks.Persistence;

/// <summary>
/// Aggregates keep their state private (private setters and constructors, private fields for their lists); stored as
/// JSON documents, that state is the document. Properties without a setter are derived and not stored, nor is
/// <see cref="AggregateRoot.Version"/>: the revision lives in Marten's <c>mt_version</c>.
/// </summary>
public static class PrivateStateJson
{
    /// <summary>A System.Text.Json type-info modifier storing the private state of the <paramref name="stored"/> types.</summary>
    public static Action<JsonTypeInfo> Of(params Type[] stored) => info =>
    {
        if (info.Kind != JsonTypeInfoKind.Object || !stored.Contains(info.Type)) return;
        var constructor = info.Type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, Type.EmptyTypes)
            ?? throw new InvalidOperationException($"{info.Type} needs a parameterless constructor to be loaded.");
        info.CreateObject = () => constructor.Invoke(null);

        foreach (var property in info.Properties.ToList())
        {
            var setter = (property.AttributeProvider as PropertyInfo)?.GetSetMethod(nonPublic: true);
            if (setter is null || property.Name == nameof(AggregateRoot.Version))
            {
                info.Properties.Remove(property);
            }
            else
            {
                property.Set ??= (target, value) => setter.Invoke(target, [value]);
            }
        }

        foreach (var field in info.Type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic).Where(f => !f.IsDefined(typeof(CompilerGeneratedAttribute))))
        {
            var name = field.Name.TrimStart('_');
            var property = info.CreateJsonPropertyInfo(field.FieldType, char.ToUpperInvariant(name[0]) + name[1..]);
            property.Get = field.GetValue;
            property.Set = field.SetValue;
            info.Properties.Add(property);
        }
    };
}
