using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smart.BuildingBlocks.Web;

public static class HttpJson
{
    /// <summary>
    /// Enums travel as names; an unknown field is refused (400) rather than silently dropped, so a client's typo
    /// never passes for a valid request.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }
}
