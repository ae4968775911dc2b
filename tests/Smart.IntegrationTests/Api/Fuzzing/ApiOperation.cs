using System.Text.Json;

namespace Smart.IntegrationTests.Api.Fuzzing;

/// <summary>A parameter of an operation: its name, where it goes (<c>path</c> or <c>query</c>), its schema, whether it must be sent.</summary>
internal sealed record ApiParameter(string Name, string In, JsonElement Schema, bool Required);

/// <summary>One operation of the OpenAPI document the host serves, with what the fuzzer needs to build requests for it.</summary>
internal sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonElement? JsonBody, JsonElement? FormBody)
{
    public string Key => $"{Method} {Path}";

    public bool Writes => Method != "GET";

    /// <summary>Every write operation, and every GET that takes route or query parameters (the others have nothing to mutate).</summary>
    public static IReadOnlyList<ApiOperation> ToFuzz(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = method.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, p.GetProperty("schema"),
                        p.TryGetProperty("required", out var required) && required.GetBoolean()))
                        .ToList()
                    : [];
                JsonElement? json = null, form = null;
                if (method.Value.TryGetProperty("requestBody", out var body))
                {
                    var content = body.GetProperty("content");
                    json = content.TryGetProperty("application/json", out var j) ? j.GetProperty("schema") : null;
                    form = content.TryGetProperty("multipart/form-data", out var f) ? f.GetProperty("schema") : null;
                }
                var operation = new ApiOperation(method.Name.ToUpperInvariant(), path.Name, parameters, json, form);
                if (operation.Writes || parameters.Count > 0)
                {
                    operations.Add(operation);
                }
            }
        }
        return operations;
    }
}
