using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace Smart.BuildingBlocks.Mail;

/// <summary>A rendered e-mail: its subject, HTML and text.</summary>
public sealed record EmailContent(string Subject, string Html, string Text);

/// <summary>
/// E-mails written as Liquid templates (Fluid) embedded in a module: <c>Templates/&lt;name&gt;.html.liquid</c> and
/// <c>Templates/&lt;name&gt;.txt.liquid</c>, the text's first line being the subject. Values are HTML-encoded in the HTML
/// part; the caller formats amounts and dates (French formats: <see cref="Web.HtmlPage"/>).
/// </summary>
public static class MailTemplates
{
    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<(Assembly, string), IFluidTemplate> Parsed = new();

    /// <summary>Markup characters encoded, French letters, € and spaces kept as they are (the default encoder escapes every non-ASCII one).</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static EmailContent Render(Assembly assembly, string name, IReadOnlyDictionary<string, object?> values)
    {
        var context = new TemplateContext();
        foreach (var (key, value) in values) context.SetValue(key, value);
        var text = Template(assembly, name + ".txt").Render(context, NullEncoder.Default).Trim();
        var html = Template(assembly, name + ".html").Render(context, Html);
        var subjectEnd = text.IndexOf('\n');
        return subjectEnd < 0 ? new EmailContent(text, html, "") : new EmailContent(text[..subjectEnd].Trim(), html, text[(subjectEnd + 1)..].Trim());
    }

    private static IFluidTemplate Template(Assembly assembly, string name) => Parsed.GetOrAdd((assembly, name), key =>
    {
        var suffix = $".Templates.{key.Item2}.liquid";
        var resource = key.Item1.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No embedded template {suffix} in {key.Item1.GetName().Name}.");
        using var reader = new StreamReader(key.Item1.GetManifestResourceStream(resource)!);
        return Parser.TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template {resource}: {error}");
    });
}
