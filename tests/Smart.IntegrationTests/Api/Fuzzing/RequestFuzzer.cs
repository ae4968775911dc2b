using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Smart.IntegrationTests.Api.Fuzzing;

/// <summary>A request ready to send, with what the report needs to tell it apart.</summary>
internal sealed record FuzzRequest(string Method, string Url, HttpContent? Content, string Body, string Mutation);

/// <summary>
/// Builds requests for an operation from its OpenAPI schema: a valid-looking request (the schema's example when there
/// is one, with real ids), then one mutation of its route, query or body — a wrong type, null, a null list element,
/// an empty list, a huge number, an odd date, a 10,000-character string, bad JSON, a wrong content type…
/// </summary>
internal sealed class RequestFuzzer(Random random, JsonElement document, IdPool ids)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Numbers, as raw JSON: out of range of every .NET type, negative, zero, too precise.</summary>
    private static readonly string[] Numbers =
    [
        "-1", "0", "0.001", "0.005", "-0.01", "12", "1e30", "-1e30", "1e400", "79228162514264337593543950335", "-79228162514264337593543950335",
        "79228162514264337593543950336", "2147483648", "-2147483649", "9223372036854775808", "0.1234567890123456789", "10.001",
        "3.14159265358979323846264338327950288", "99999999999999.99", "1000000000000",
    ];

    private static readonly string[] Dates =
    [
        "\"0001-01-01\"", "\"9999-12-31\"", "\"2026-02-30\"", "\"yesterday\"", "\"1899-12-31\"", "\"1900-01-01\"", "\"2999-12-31\"", "\"3000-01-01\"",
        "\"2100-01-01\"", "\"0001-01-01T00:00:00Z\"", "\"2026-13-01\"", "\"2024-02-29\"",
    ];

    private static readonly string[] Strings =
    [
        "\"\"", "\" \"", "\"fuzz\"", "\"00000000-0000-0000-0000-000000000000\"", "\"not-a-guid\"", "\"\\u0000\"", "\"<script>alert(1)</script>\"",
        "\"' OR 1=1 --\"", "\"%00\"", "\"🎭 é\"", "\"-1\"", "\"NaN\"", "\"1e30\"", $"\"{new string('x', 10_000)}\"",
    ];

    /// <summary>Values of any type, as raw JSON, that no client should be able to turn into a 500.</summary>
    private static readonly string[] Literals = ["null", "true", "{}", "[]", .. Numbers, .. Dates, .. Strings];

    // No %00: Kestrel answers 400 to it before any middleware runs, and the test server's client cannot even send it.
    private static readonly string[] RouteValues =
    [
        "not-a-guid", "00000000-0000-0000-0000-000000000000", "%2F", "%20", "..", "-1", "0", "99999999999", "2026", "1e30", new string('a', 5_000), "%E2%82%AC",
    ];

    /// <summary>Forms whose OpenAPI schema does not list their fields (the endpoint reads <c>IFormCollection</c> itself).</summary>
    private static readonly Dictionary<string, Func<Dictionary<string, string>>> OpenForms = new()
    {
        ["POST /api/activities/activities/{activityId}/expenses"] = () => new()
        {
            ["expenseDate"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["category"] = "Travel",
            ["description"] = "Train Lille – Paris", ["amountInclVat"] = "120.00", ["recoverableVat"] = "20.00",
        },
    };

    /// <summary>Larger than the host accepts (10 MB): 413 before it is read. Built once, it is sent many times.</summary>
    private static readonly Lazy<byte[]> Oversized = new(() => Encoding.UTF8.GetBytes("{\"fuzz\":\"" + new string('x', 10 * 1024 * 1024) + "\"}"));

    private readonly JsonElement _schemas = document.GetProperty("components").GetProperty("schemas");

    public FuzzRequest Next(ApiOperation operation)
    {
        var routeParameters = operation.Parameters.Where(p => p.In == "path").ToList();
        var queryParameters = operation.Parameters.Where(p => p.In == "query").ToList();
        var targets = new List<string> { "valid" };
        if (routeParameters.Count > 0) targets.Add("route");
        if (queryParameters.Count > 0) targets.Add("query");
        if (operation.JsonBody is not null || operation.FormBody is not null) targets.AddRange(["body", "body", "body", "whole"]);
        var target = targets[random.Next(targets.Count)];

        var mutation = "valid";
        var path = operation.Path;
        var mutatedRoute = target == "route" ? routeParameters[random.Next(routeParameters.Count)].Name : null;
        foreach (var parameter in routeParameters)
        {
            var value = parameter.Name == mutatedRoute ? RouteMutation() : Uri.EscapeDataString(ValueText(Valid(parameter.Schema, parameter.Name, 0)));
            if (parameter.Name == mutatedRoute) mutation = $"route {parameter.Name} := {Excerpt(value, 60)}";
            path = path.Replace("{" + parameter.Name + "}", value, StringComparison.Ordinal);
        }

        var query = new List<string>();
        var mutatedQuery = target == "query" ? queryParameters[random.Next(queryParameters.Count)].Name : null;
        foreach (var parameter in queryParameters)
        {
            if (parameter.Name == mutatedQuery)
            {
                var literal = Literal(Valid(parameter.Schema, parameter.Name, 0));
                var text = literal.StartsWith('"') ? JsonNode.Parse(literal)!.GetValue<string>() : literal;
                query.Add($"{parameter.Name}={Uri.EscapeDataString(text)}");
                mutation = $"query {parameter.Name} := {Excerpt(literal, 60)}";
            }
            else if (parameter.Required || random.Next(2) == 0)
            {
                query.Add($"{parameter.Name}={Uri.EscapeDataString(ValueText(Valid(parameter.Schema, parameter.Name, 0)))}");
            }
        }
        var url = query.Count == 0 ? path : path + "?" + string.Join('&', query);

        if (operation.FormBody is { } form)
        {
            var (content, body, formMutation) = Form(operation, form, target);
            return new FuzzRequest(operation.Method, url, content, body, formMutation ?? mutation);
        }
        if (operation.JsonBody is { } schema)
        {
            var (content, body, bodyMutation) = Json(schema, target);
            return new FuzzRequest(operation.Method, url, content, body, bodyMutation ?? mutation);
        }
        return new FuzzRequest(operation.Method, url, null, "", mutation);
    }

    private string RouteMutation() => random.Next(3) switch
    {
        0 => IdPool.NewGuid(random).ToString(),
        1 => ids.Any(random).ToString(),
        _ => RouteValues[random.Next(RouteValues.Length)],
    };

    private (HttpContent? Content, string Body, string? Mutation) Json(JsonElement schema, string target)
    {
        var valid = Valid(schema, "", 0);
        var validText = valid?.ToJsonString() ?? "null";
        if (target == "body")
        {
            var (mutated, mutation) = MutateSlot(valid);
            var text = mutated?.ToJsonString() ?? "null";
            return (JsonContent(text), text, mutation);
        }
        if (target != "whole")
        {
            return (JsonContent(validText), validText, null);
        }
        switch (random.Next(12))
        {
            case 0: return (null, "", "no body");
            case 1: return (JsonContent(""), "", "empty body");
            case 2: return (JsonContent("null"), "null", "body null");
            case 3: return (JsonContent("{"), "{", "bad JSON");
            case 4:
                var cut = validText[..random.Next(validText.Length)];
                return (JsonContent(cut), cut, "truncated JSON");
            case 5: return (JsonContent($"[{validText}]"), $"[{validText}]", "array instead of object");
            case 6: return (new StringContent(validText, Encoding.UTF8, "text/plain"), validText, "content type text/plain");
            case 7: return (new StringContent("<request/>", Encoding.UTF8, "application/xml"), "<request/>", "content type application/xml");
            case 8:
                var deep = new string('[', 300) + new string(']', 300);
                return (JsonContent(deep), Excerpt(deep, 40), "300 nested arrays");
            case 9:
                if (valid is JsonObject unknown)
                {
                    unknown["fuzzUnknownField"] = 1;
                    return (JsonContent(unknown.ToJsonString()), unknown.ToJsonString(), "unknown field");
                }
                return (JsonContent("{}"), "{}", "empty object");
            case 10:
                var form = new FormUrlEncodedContent([new("fuzz", "1")]);
                return (form, "fuzz=1", "form instead of JSON");
            default:
                var huge = new ByteArrayContent(Oversized.Value);
                huge.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return (huge, $"{{\"fuzz\":\"xxx… ({Oversized.Value.Length} bytes)", "body over 10 MB");
        }
    }

    private (HttpContent? Content, string Body, string? Mutation) Form(ApiOperation operation, JsonElement schema, string target)
    {
        var resolved = Resolve(schema);
        var fields = resolved.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Where(p => Resolve(p.Value).TryGetProperty("format", out var f) is false || f.GetString() != "binary")
                .ToDictionary(p => p.Name, p => ValueText(Valid(p.Value, p.Name, 0)))
            : OpenForms.TryGetValue(operation.Key, out var sample) ? sample() : [];
        var file = (Name: "receipt", Bytes: "%PDF-1.4\n%fuzz\n"u8.ToArray(), Type: "application/pdf");
        string? mutation = null;
        if (target == "body" && fields.Count > 0)
        {
            var field = fields.Keys.Order(StringComparer.Ordinal).ElementAt(random.Next(fields.Count));
            var literal = Literal(JsonValue.Create(fields[field]));
            fields[field] = literal.StartsWith('"') ? JsonNode.Parse(literal)!.GetValue<string>() : literal;
            mutation = $"field {field} := {Excerpt(literal, 60)}";
        }
        else if (target == "whole")
        {
            switch (random.Next(6))
            {
                case 0: return (null, "", "no body");
                case 1: return (JsonContent(JsonSerializer.Serialize(fields)), JsonSerializer.Serialize(fields), "JSON instead of a form");
                case 2: return (new FormUrlEncodedContent(fields), "urlencoded", "urlencoded form");
                case 3: file = (file.Name, [], "application/pdf"); mutation = "empty file"; break;
                case 4: file = (file.Name, "not a receipt"u8.ToArray(), "image/png"); mutation = "file of a lying type"; break;
                default: fields["fuzzUnknownField"] = "1"; mutation = "unknown field"; break;
            }
        }
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        var part = new ByteArrayContent(file.Bytes);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.Type);
        content.Add(part, file.Name, "receipt.pdf");
        return (content, string.Join('&', fields.Select(f => $"{f.Key}={Excerpt(f.Value, 40)}")), mutation);
    }

    /// <summary>Replaces one value anywhere in the body (or drops a property, or adds an unknown one).</summary>
    private (JsonNode? Body, string Mutation) MutateSlot(JsonNode? body)
    {
        var slots = new List<(JsonNode? Parent, string Path, object Key)> { (null, "$", "") };
        Collect(body, "$", slots);
        var (parent, path, key) = slots[random.Next(slots.Count)];
        var current = parent switch { JsonObject o => o[(string)key], JsonArray a => a[(int)key], _ => body };

        JsonNode? replacement;
        string description;
        // Lists and objects mostly get a mutation of their own kind (null element, empty list, missing property…).
        var choice = random.Next(current is JsonArray or JsonObject ? 4 : 1);
        if (choice >= 1 && current is JsonArray list)
        {
            var item = list.Count > 0 ? list[0]?.DeepClone() : JsonValue.Create("fuzz");
            (replacement, description) = random.Next(5) switch
            {
                0 => (new JsonArray(), "[]"),
                1 => (new JsonArray((JsonNode?)null), "[null]"),
                2 => (new JsonArray(item, null), "[item, null]"),
                3 => (new JsonArray(Enumerable.Range(0, 250).Select(_ => item?.DeepClone()).ToArray()), "250 items"),
                _ => (new JsonArray(item, JsonValue.Create("fuzz")), "[item, \"fuzz\"]"),
            };
        }
        else if (choice >= 1 && current is JsonObject obj && obj.Count > 0)
        {
            var copy = obj.DeepClone().AsObject();
            var property = copy.Select(p => p.Key).ElementAt(random.Next(copy.Count));
            if (choice < 3)
            {
                copy.Remove(property);
                description = $"without {property}";
            }
            else
            {
                foreach (var name in copy.Select(p => p.Key).ToList()) copy[name] = null;
                description = "every property null";
            }
            replacement = copy;
        }
        else
        {
            var literal = random.Next(8) == 0 ? $"\"{ids.Any(random)}\"" : Literal(current);
            replacement = JsonNode.Parse(literal);
            description = Excerpt(literal, 60);
        }

        switch (parent)
        {
            case JsonObject o: o[(string)key] = replacement; break;
            case JsonArray a: a[(int)key] = replacement; break;
            default: body = replacement; break;
        }
        return (body, $"{path} := {description}");
    }

    /// <summary>Half the time a value of the same kind as the one it replaces (a date for a date…), where the edge cases hide.</summary>
    private string Literal(JsonNode? current)
    {
        var kind = current?.GetValueKind();
        var group = random.Next(2) == 0 ? Literals : kind switch
        {
            JsonValueKind.Number => Numbers,
            JsonValueKind.String when DateOnly.TryParse(current!.GetValue<string>(), CultureInfo.InvariantCulture, out _) => Dates,
            JsonValueKind.String => Strings,
            _ => Literals,
        };
        return group[random.Next(group.Length)];
    }

    private static void Collect(JsonNode? node, string path, List<(JsonNode? Parent, string Path, object Key)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    slots.Add((obj, $"{path}.{name}", name));
                    Collect(child, $"{path}.{name}", slots);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, $"{path}[{i}]", i));
                    Collect(array[i], $"{path}[{i}]", slots);
                }
                break;
        }
    }

    /// <summary>A value that fits the schema: its example half of the time (with real ids in it), else one built from its types.</summary>
    private JsonNode? Valid(JsonElement schema, string name, int depth)
    {
        schema = Resolve(schema);
        if (depth > 6) return null;
        if (random.Next(2) == 0 && Example(schema) is { } example)
        {
            return WithFreshValues(JsonNode.Parse(example.GetRawText()), name);
        }
        if (schema.TryGetProperty("enum", out var values))
        {
            var options = values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).ToList();
            return options.Count == 0 ? null : JsonNode.Parse(options[random.Next(options.Count)].GetRawText());
        }
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (TypeOf(schema))
        {
            case "object":
                var obj = new JsonObject();
                var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject().Where(p => required.Contains(p.Name) || random.Next(10) > 0))
                    {
                        obj[property.Name] = Valid(property.Value, property.Name, depth + 1);
                    }
                }
                return obj;
            case "array":
                var items = schema.TryGetProperty("items", out var i) ? i : default;
                var array = new JsonArray();
                for (var n = 1 + random.Next(2); n > 0 && items.ValueKind != JsonValueKind.Undefined; n--) array.Add(Valid(items, Singular(name), depth + 1));
                return array;
            case "integer":
                return JsonValue.Create(Integer(schema, name));
            case "number":
                return JsonValue.Create(name.Contains("rate", StringComparison.OrdinalIgnoreCase) ? 0.05m : new[] { 1m, 10.5m, 120.00m, 1000m }[random.Next(4)]);
            case "boolean":
                return JsonValue.Create(random.Next(2) == 0);
            case "string":
                return JsonValue.Create(Text(format, name, schema));
            default:
                return null;
        }
    }

    private int Integer(JsonElement schema, string name)
    {
        if (name.Equals("year", StringComparison.OrdinalIgnoreCase)) return Today.Year - random.Next(2);
        if (name.Equals("month", StringComparison.OrdinalIgnoreCase)) return 1 + random.Next(12);
        var min = schema.TryGetProperty("minimum", out var lo) && lo.TryGetInt32(out var l) ? l : 1;
        var max = schema.TryGetProperty("maximum", out var hi) && hi.TryGetInt32(out var h) ? h : min + 11;
        return min + random.Next(Math.Max(1, Math.Min(max - min + 1, 12)));
    }

    private string Text(string? format, string name, JsonElement schema)
    {
        var text = format switch
        {
            "uuid" => ids.Pick(random, name).ToString(),
            "date" => Today.AddDays(random.Next(-40, 40)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "date-time" => DateTime.UtcNow.AddDays(-random.Next(40)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            "email" => $"fuzz-{random.Next(1_000_000)}@example.org",
            _ when name.Contains("email", StringComparison.OrdinalIgnoreCase) => $"fuzz-{random.Next(1_000_000)}@example.org",
            _ when name.Contains("country", StringComparison.OrdinalIgnoreCase) => "FR",
            _ when name.Contains("postalCode", StringComparison.OrdinalIgnoreCase) => "59000",
            _ when name.Contains("socialSecurityNumber", StringComparison.OrdinalIgnoreCase) => SocialSecurityNumber(),
            _ when name.Contains("password", StringComparison.OrdinalIgnoreCase) => "Fuzz-password-2026!",
            _ => "Fuzz " + name,
        };
        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("maxLength", out var max) && max.TryGetInt32(out var m) && text.Length > m ? text[..m] : text;
    }

    /// <summary>
    /// Examples name made-up ids and one e-mail or social security number: real ids of the same name, and values unique
    /// to this request, go deeper than a 404 or a 409 for a duplicate.
    /// </summary>
    private JsonNode? WithFreshValues(JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj.Select(p => p.Key).ToList()) obj[property] = WithFreshValues(obj[property], property);
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) array[i] = WithFreshValues(array[i]?.DeepClone(), Singular(name));
                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && Guid.TryParse(value.GetValue<string>(), out _):
                return JsonValue.Create(ids.Pick(random, name).ToString());
            case JsonValue when name.Contains("email", StringComparison.OrdinalIgnoreCase) || name.Contains("socialSecurityNumber", StringComparison.OrdinalIgnoreCase):
                return JsonValue.Create(Text(null, name, default));
            default:
                return node;
        }
    }

    /// <summary>A valid NIR of a woman born in June 1994 (as the examples' employee), unique by its order number: the key is 97 − (first 13 digits mod 97).</summary>
    private string SocialSecurityNumber()
    {
        var first13 = 2940675000000L + random.Next(1_000_000);
        return $"{first13}{97 - first13 % 97:D2}";
    }

    private static JsonElement? Example(JsonElement schema) =>
        schema.TryGetProperty("example", out var example) ? example
        : schema.TryGetProperty("examples", out var examples) && examples.ValueKind == JsonValueKind.Array && examples.GetArrayLength() > 0 ? examples[0]
        : null;

    private JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = _schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            }
            else if (new[] { "allOf", "oneOf", "anyOf" }.FirstOrDefault(k => schema.TryGetProperty(k, out _)) is { } combinator
                     && !schema.TryGetProperty("properties", out _))
            {
                var options = schema.GetProperty(combinator).EnumerateArray().Where(o => TypeOf(o) != "null").ToList();
                if (options.Count == 0) return schema;
                schema = options[0];
            }
            else
            {
                return schema;
            }
        }
        return schema;
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null"
                : type.GetString();
        }
        return schema.TryGetProperty("properties", out _) ? "object" : null;
    }

    private static string ValueText(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString() ?? "";

    /// <summary>A list's items are named like it, in the singular: <c>employeeIds</c> → <c>employeeId</c>.</summary>
    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;

    private static StringContent JsonContent(string text) => new(text, Encoding.UTF8, "application/json");

    public static string Excerpt(string text, int length) => text.Length <= length ? text : $"{text[..length]}… ({text.Length} chars)";
}
