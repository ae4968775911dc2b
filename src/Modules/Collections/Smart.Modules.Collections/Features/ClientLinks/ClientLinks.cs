using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Smart.BuildingBlocks.Domain;
using Smart.Modules.Collections.Domain.Receivables;

namespace Smart.Modules.Collections.Features.ClientLinks;

/// <summary>
/// The client's link to a receivable, without an account: the receivable's id and the link's last valid day, signed and
/// encrypted by ASP.NET Core Data Protection (the host's key ring, the one its login tokens use). A forged, altered or
/// expired link reads as nothing (404). It expires <see cref="Receivable.ClientLinkDays"/> after it was issued (the plan's).
/// </summary>
public sealed class ClientLinks(IDataProtectionProvider protection, IConfiguration configuration, TimeProvider clock)
{
    private const string Purpose = "Smart.Collections.ClientLink.v1";

    /// <summary>Where clients reach the API (the e-mails carry absolute links); the development host's address by default.</summary>
    public const string PublicUrlSetting = "Smart:Collections:PublicUrl";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    internal (string Url, DateOnly ExpiresOn) For(Receivable receivable)
    {
        var expiresOn = clock.Today().AddDays(receivable.ClientLinkDays);
        var token = _protector.Protect($"{receivable.Id:N}|{expiresOn:yyyy-MM-dd}");
        return ($"{(configuration[PublicUrlSetting] ?? "http://localhost:5080").TrimEnd('/')}/api/collections/client-links/{token}", expiresOn);
    }

    /// <summary>The receivable a link names while it is valid; anything else is a 404, without saying why.</summary>
    internal Guid ReceivableOf(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token).Split('|');
            if (parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id)
                && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiresOn)
                && clock.Today() <= expiresOn)
            {
                return id;
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            // Forged, altered or not even base64url: the same answer as an expired link.
        }
        throw new NotFoundException("Client link", "token");
    }
}
