using System.Text.Json;
using System.Text.Json.Serialization;
using Smart.BuildingBlocks.Validation;

namespace Smart.BuildingBlocks.Web;

public static class HttpJson
{
    /// <summary>
    /// Enums travel as names; an unknown field is refused (400) rather than silently dropped, so a client's typo
    /// never passes for a valid request; text with a NUL character is refused (400) because PostgreSQL cannot store it.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new TextWithoutNul());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }

    /// <summary>Every string read from a request body; the serializer adds the field's path to the error.</summary>
    private sealed class TextWithoutNul : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return text is not null && text.Contains('\0') ? throw new JsonException(Texts.NulMessage) : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
