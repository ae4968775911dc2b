using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Conditions;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Every handler of another module's message (a <c>Handle</c>/<c>HandleAsync</c> whose message comes from another
/// module's contracts) sits in the module's <c>Inbound</c> namespace: one folder tells what the module reacts to.
/// </summary>
public sealed class InboundRule(string module) : ArchitectureRule
{
    private string Inbound => SmartArchitecture.ImplementationAssembly(module) + ".Inbound";

    protected override IArchRule Rule =>
        TypesIn(SmartArchitecture.ImplementationAssembly(module))
            .And().FollowCustomPredicate(HandlesAnotherModulesMessage, "handle another module's message")
            .Should().FollowCustomCondition(
                type => new ConditionResult(type, SmartArchitecture.IsInNamespace(type, Inbound), $"resides in {type.Namespace.FullName}"),
                $"reside in namespace {Inbound}")
            .WithoutRequiringPositiveResults();

    private bool HandlesAnotherModulesMessage(IType type) =>
        type.Members.OfType<MethodMember>().Any(method =>
            (method.Name.StartsWith("Handle(", StringComparison.Ordinal) || method.Name.StartsWith("HandleAsync(", StringComparison.Ordinal))
            && method.Parameters.FirstOrDefault() is { } message
            && SmartArchitecture.IsContracts(SmartArchitecture.AssemblyOf(message))
            && SmartArchitecture.AssemblyOf(message) != SmartArchitecture.ContractsAssembly(module));
}
