using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Conditions;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.xUnit;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// A rule over the loaded architecture, written with ArchUnitNET (which follows async state machines, lambdas and
/// generic arguments). The same object checks a real module and the deliberate breaches. Rules name what is allowed;
/// none exempts a type, only the generated namespace <see cref="SmartArchitecture.GeneratedNamespace"/>.
/// </summary>
public abstract class ArchitectureRule
{
    protected abstract IArchRule Rule { get; }

    public string Description => Rule.Description;

    /// <summary>Fails the test with ArchUnitNET's report of every violation.</summary>
    public void Check(Architecture architecture) => Rule.Check(architecture);

    /// <summary>Each violation as "Offending.Type what it did", for the tests that prove the rule fails.</summary>
    public IReadOnlyList<string> Violations(Architecture architecture) =>
        Rule.Evaluate(architecture).Where(result => !result.Passed).Select(result => result.Description).ToList();

    /// <summary>The types compiled into an assembly, the generated namespace left out.</summary>
    protected static GivenTypesConjunction TypesIn(string assembly) =>
        ArchRuleDefinition.Types().That()
            .FollowCustomPredicate(type => SmartArchitecture.AssemblyOf(type) == assembly, $"reside in assembly {assembly}")
            .And().DoNotResideInNamespace(SmartArchitecture.GeneratedNamespace);

    /// <summary>
    /// Every type each type depends on (base type, interfaces, members, signatures, method bodies, attributes and
    /// generic arguments) must be allowed; the failure names each type that is not, with its assembly.
    /// </summary>
    protected static TypesShouldConjunction DependOnlyOn(
        GivenTypesConjunction types, Func<IType, bool> allowed, string allowedDescription) =>
        types.Should().FollowCustomCondition(type =>
        {
            var forbidden = type.Dependencies
                .Select(dependency => dependency.Target)
                .Where(target => !target.IsGenericParameter
                                 && target.Namespace.FullName != SmartArchitecture.GeneratedNamespace
                                 && !allowed(target))
                .Select(target => $"{target.FullName} ({SmartArchitecture.AssemblyOf(target)})")
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList();
            return new ConditionResult(type, forbidden.Count == 0, "depends on " + string.Join(", ", forbidden));
        }, "depend only on " + allowedDescription);
}
