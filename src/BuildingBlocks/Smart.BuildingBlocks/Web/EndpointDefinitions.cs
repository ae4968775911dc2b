using System.Reflection;
using Microsoft.AspNetCore.Routing;

namespace Smart.BuildingBlocks.Web;

/// <summary>A feature's HTTP endpoint(s), kept beside its command and handler; found by scanning the module.</summary>
public interface IEndpointDefinition
{
    void Map(IEndpointRouteBuilder module);
}

public static class EndpointDefinitions
{
    public static IEndpointRouteBuilder MapEndpointDefinitions(this IEndpointRouteBuilder group, Assembly moduleAssembly)
    {
        var definitions = moduleAssembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEndpointDefinition).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in definitions)
        {
            ((IEndpointDefinition)Activator.CreateInstance(type, nonPublic: true)!).Map(group);
        }
        return group;
    }
}
