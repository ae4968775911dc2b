using System.Numerics;
using FluentValidation;

namespace Smart.BuildingBlocks.Validation;

/// <summary>
/// The identifiers legal documents print, with their check keys: a typo caught on input is an invoice or a payslip that
/// does not have to be reissued. Values are compared without spaces (<see cref="Compact"/>): people type "123 456 789".
/// </summary>
public static class LegalIdentifiers
{
    /// <summary>Without spaces, upper case: the form identifiers are stored and compared in.</summary>
    public static string Compact(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>SIREN: 9 digits whose Luhn key is right.</summary>
    public static bool IsSiren(string? value) => value is not null && Compact(value) is { Length: 9 } siren && siren.All(char.IsAsciiDigit) && LuhnValid(siren);

    /// <summary>SIRET: 14 digits (the SIREN and the establishment's number) whose Luhn key is right.</summary>
    public static bool IsSiret(string? value) => value is not null && Compact(value) is { Length: 14 } siret && siret.All(char.IsAsciiDigit) && LuhnValid(siret);

    /// <summary>French intra-community VAT number: FR, a 2-digit key = (12 + 3 × (SIREN mod 97)) mod 97, the SIREN.</summary>
    public static bool IsFrenchVatNumber(string? value)
    {
        if (value is null || Compact(value) is not { Length: 13 } vat || !vat.StartsWith("FR", StringComparison.Ordinal)) return false;
        var key = vat[2..4];
        var siren = vat[4..];
        return key.All(char.IsAsciiDigit) && IsSiren(siren) && int.Parse(key) == (12 + 3 * (int)(long.Parse(siren) % 97)) % 97;
    }

    /// <summary>IBAN: country, 2 check digits, up to 30 letters or digits; the whole is 1 modulo 97 once its first 4 characters go last.</summary>
    public static bool IsIban(string? value)
    {
        if (value is null || Compact(value) is not { Length: >= 15 and <= 34 } iban) return false;
        if (!char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1]) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3])) return false;
        if (!iban.All(char.IsAsciiLetterOrDigit)) return false;
        var digits = string.Concat((iban[4..] + iban[..4]).Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString()));
        return BigInteger.Parse(digits) % 97 == 1;
    }

    /// <summary>BIC: 4 letters (bank), 2 letters (country), 2 letters or digits (place), optionally 3 more (branch).</summary>
    public static bool IsBic(string? value) =>
        value is not null && Compact(value) is { Length: 8 or 11 } bic && bic[..6].All(char.IsAsciiLetterUpper) && bic[6..].All(char.IsAsciiLetterOrDigit);

    /// <summary>APE (NAF) code: 4 digits and a letter, e.g. 7022Z (the dot of "70.22Z" is accepted).</summary>
    public static bool IsApeCode(string? value) =>
        value is not null && Compact(value).Replace(".", "", StringComparison.Ordinal) is { Length: 5 } ape && ape[..4].All(char.IsAsciiDigit) && char.IsAsciiLetterUpper(ape[4]);

    /// <summary>
    /// French social security number (NIR): 13 characters and a 2-digit key = 97 − (number mod 97); Corsica's 2A and 2B
    /// count as 19 and 18 in the key.
    /// </summary>
    public static bool IsSocialSecurityNumber(string? value)
    {
        if (value is null || Compact(value) is not { Length: 15 } nir) return false;
        var body = nir[..13];
        var department = body[5..7];
        body = department switch
        {
            "2A" => body[..5] + "19" + body[7..],
            "2B" => body[..5] + "18" + body[7..],
            _ => body,
        };
        if (!body.All(char.IsAsciiDigit) || !nir[13..].All(char.IsAsciiDigit) || body[0] is not ('1' or '2' or '3' or '4' or '7' or '8')) return false;
        return int.Parse(nir[13..]) == 97 - (int)(long.Parse(body) % 97);
    }

    /// <summary>A social security number as a payslip shows it: only its last <paramref name="visible"/> characters.</summary>
    public static string MaskSocialSecurityNumber(string nir, int visible = 4)
    {
        var compact = Compact(nir);
        return new string('•', Math.Max(0, compact.Length - visible)) + compact[Math.Max(0, compact.Length - visible)..];
    }

    public static IRuleBuilderOptions<T, string?> IsSiren<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsSiren).WithMessage("A SIREN is 9 digits with a valid check key.");

    public static IRuleBuilderOptions<T, string?> IsSiret<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsSiret).WithMessage("A SIRET is 14 digits with a valid check key.");

    public static IRuleBuilderOptions<T, string?> IsFrenchVatNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsFrenchVatNumber).WithMessage("A French VAT number is FR, a 2-digit key matching the SIREN, and the SIREN.");

    public static IRuleBuilderOptions<T, string?> IsIban<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsIban).WithMessage("The IBAN's check digits do not match (mod 97).");

    public static IRuleBuilderOptions<T, string?> IsBic<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsBic).WithMessage("A BIC is 8 or 11 characters: bank, country, place and optional branch.");

    public static IRuleBuilderOptions<T, string?> IsApeCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsApeCode).WithMessage("An APE code is 4 digits and a letter, e.g. 7022Z.");

    public static IRuleBuilderOptions<T, string?> IsSocialSecurityNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsSocialSecurityNumber).WithMessage("A social security number is 13 characters and a 2-digit key that matches them.");

    private static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
