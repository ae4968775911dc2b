using Microsoft.Extensions.Configuration;

namespace Smart.BuildingBlocks.Persistence;

/// <summary>The one database every module, the bus and Identity share: its connection string, from configuration.</summary>
public static class SmartConnectionString
{
    public const string Name = "Smart";

    public static string GetSmartConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(Name)
        ?? throw new InvalidOperationException(
            $"No connection string 'ConnectionStrings:{Name}' (environment variable ConnectionStrings__{Name}).");
}
