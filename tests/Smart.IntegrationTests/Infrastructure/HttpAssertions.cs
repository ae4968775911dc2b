using System.Net;
using System.Text.Json;

namespace Smart.IntegrationTests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts an RFC 7807 answer with the status, and returns its JSON.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        return json;
    }

    /// <summary>Asserts a 400 with field errors for exactly these fields (at least).</summary>
    public static async Task AssertFieldErrorsAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var field in fields)
        {
            Assert.True(errors.Contains(field), $"No error for '{field}' in [{string.Join(", ", errors)}]");
        }
    }
}
