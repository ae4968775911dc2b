using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smart.IntegrationTests.Infrastructure;

/// <summary>Reads the API's answers into the modules' own response types, as the host writes them (enums by name).</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Task<T?> GetApiAsync<T>(this HttpClient client, string url) => client.GetFromJsonAsync<T>(url, Options);

    public static Task<T?> ReadApiAsync<T>(this HttpContent content) => content.ReadFromJsonAsync<T>(Options);
}
