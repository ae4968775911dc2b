using System.Security.Cryptography;

namespace Smart.Modules.Spaces.Domain;

/// <summary>
/// Ids derived from what they identify (a resource's day, a residency's month), so that every caller and every
/// redelivery names the same document or charge.
/// </summary>
internal static class DeterministicIds
{
    public static Guid Of(Guid id, DateOnly date)
    {
        Span<byte> input = stackalloc byte[20];
        id.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], date.DayNumber);
        Span<byte> hash = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(input, hash);
        return new Guid(hash);
    }
}
