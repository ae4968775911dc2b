using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Smart.Modules.Reporting.Journal;

/// <summary>
/// The one way Reporting derives a deterministic id or digest for a fact whose event carries none (ADR 0118). The byte
/// values are those the journal already stores (a rebuild reads them back), so neither function may change: the MD5 of a
/// key for ids made of parts, the SHA-256 of the message's JSON for "has this message changed" digests.
/// </summary>
internal static class FactIds
{
    /// <summary>An id from what makes a fact unique, as a key of parts joined by '|' (amounts formatted invariantly).</summary>
    public static Guid Of(string key) => new(MD5.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The SHA-256 of a message's JSON, in hexadecimal: equal for equal contents.</summary>
    public static string ContentDigest<T>(T message) => Convert.ToHexString(ContentHash(message));

    /// <summary>The first 16 bytes of the SHA-256 of a message's JSON, as a <see cref="Guid"/>.</summary>
    public static Guid ContentId<T>(T message) => new(ContentHash(message).AsSpan(0, 16));

    private static byte[] ContentHash<T>(T message) => SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(message));
}
