using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Conditions;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Rule 4: aggregates (deriving from <c>Smart.BuildingBlocks.Domain.AggregateRoot</c>) are not visible outside their
/// module's assembly. Visibility is the effective one: public or protected all the way out, so a public type nested in
/// an internal type is not visible. Handlers, the messages they handle and the stores they take are public: Wolverine
/// discovers public handler types only and its generated code constructs them (ADR 0045); no other module can reach
/// them anyway, since modules reference only each other's contracts (rule 1 and the project-reference rule).
/// </summary>
public sealed class InternalByDefaultRule(string module) : ArchitectureRule
{
    public const string AggregateRoot = "Smart.BuildingBlocks.Domain.AggregateRoot";

    protected override IArchRule Rule =>
        TypesIn(SmartArchitecture.ImplementationAssembly(module))
            .And().FollowCustomPredicate(type => Kind(type) is not null, "are aggregates")
            .Should().FollowCustomCondition(new NotVisibleOutsideTheAssembly())
            .WithoutRequiringPositiveResults();

    private static string? Kind(IType type)
    {
        if (type is not Class @class)
        {
            return null;
        }

        return DerivesFrom(@class, AggregateRoot) ? "aggregate" : null;
    }

    private static bool DerivesFrom(Class @class, string baseFullName) =>
        @class.InheritedClasses.Any(inherited => inherited.FullName == baseFullName);

    /// <summary>Needs the architecture to find the declaring types of a nested type.</summary>
    private sealed class NotVisibleOutsideTheAssembly : ICondition<IType>
    {
        public string Description => "not be visible outside the module (internal, or nested in an internal type)";

        public IEnumerable<ConditionResult> Check(IEnumerable<IType> objects, Architecture architecture)
        {
            var byName = architecture.Types.ToLookup(type => (SmartArchitecture.AssemblyOf(type), type.FullName));
            return objects.Select(type =>
                new ConditionResult(type, !IsVisibleOutsideAssembly(type, byName), $"is a public {Kind(type)}"));
        }

        public bool CheckEmpty() => true;

        private static bool IsVisibleOutsideAssembly(IType type, ILookup<(string, string), IType> byName)
        {
            if (type.Visibility is not (Visibility.Public or Visibility.Protected or Visibility.ProtectedInternal))
            {
                return false;
            }

            if (!type.IsNested)
            {
                return true;
            }

            // ArchUnitNET names a nested type Outer+Inner.
            var declaringName = type.FullName[..type.FullName.LastIndexOf('+')];
            var declaring = byName[(SmartArchitecture.AssemblyOf(type), declaringName)].FirstOrDefault()
                            ?? throw new InvalidOperationException($"Declaring type {declaringName} of {type.FullName} is not loaded.");
            return IsVisibleOutsideAssembly(declaring, byName);
        }
    }
}
