using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Smart.Host.OpenApi;

/// <summary>
/// Lists as <c>required</c> every property that is non-nullable in C# (a value type other than <c>Nullable&lt;T&gt;</c>,
/// a reference type without <c>?</c>), so a typed web client reads an invoice's id or total without a null check. The
/// serializer always writes such a property in a response; in a request it must be sent, unless its constructor
/// parameter has a default value (<c>int Page = 1</c>), which the server fills in when the property is missing.
/// Nullable properties stay optional. Swashbuckle's own <c>NonNullableReferenceTypesAsRequired</c> would also require
/// the defaulted ones.
/// </summary>
internal sealed class RequiredPropertiesSchemaFilter(ISerializerDataContractResolver contracts) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete)
        {
            return;
        }
        var contract = contracts.GetDataContractForType(context.Type);
        if (contract.DataType != DataType.Object || contract.ObjectProperties is null)
        {
            return;
        }
        var defaulted = context.Type.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Where(p => p.HasDefaultValue)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in contract.ObjectProperties)
        {
            if (!property.IsNullable && concrete.Properties.ContainsKey(property.Name)
                && !(property.MemberInfo is { } member && defaulted.Contains(member.Name)))
            {
                concrete.Required ??= new SortedSet<string>(StringComparer.Ordinal);
                concrete.Required.Add(property.Name);
            }
        }
    }
}
