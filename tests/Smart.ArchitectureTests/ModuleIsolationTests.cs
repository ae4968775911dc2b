using Mono.Cecil;
using Smart.ArchitectureTests.Rules;
using Smart.ArchitectureTests.Support;

namespace Smart.ArchitectureTests;

public sealed class ModuleIsolationTests
{
    private readonly ModuleIsolationRule _rule = new();

    [Theory]
    [MemberData(nameof(ModuleAssemblies.Modules), MemberType = typeof(ModuleAssemblies))]
    public void Given_a_module_Then_should_not_reference_another_module_implementation_nor_the_host(string module)
    {
        using var assemblies = new ModuleAssemblies();

        _rule.Assert(_rule.Check(assemblies.Implementation(module)));
    }

    [Fact]
    public void Given_an_async_method_creating_another_module_internal_type_Then_should_report_the_outer_type()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var payslip = fake.TypeIn("Smart.Modules.Payroll", "Smart.Modules.Payroll.Domain", "Payslip");
        var importer = fake.Class("Smart.Modules.Fake.Features", "Importer", TypeAttributes.NotPublic);
        var stateMachine = fake.Nested(importer, "<ImportAsync>d__0", compilerGenerated: true);
        fake.Method(stateMachine, "MoveNext", fake.NewObject(payslip));

        var violations = _rule.Check(fake.Build());

        Assert.Contains(new Violation("Smart.Modules.Fake.Features.Importer",
            "-> Smart.Modules.Payroll.Domain.Payslip (in method ImportAsync)"), violations);
        Assert.Equal(
            "Smart.Modules.Fake.Features.Importer -> Smart.Modules.Payroll.Domain.Payslip (in method ImportAsync)",
            violations.First(violation => violation.Type != "assembly Smart.Modules.Fake").ToString());
    }

    [Fact]
    public void Given_a_generic_argument_from_another_module_Then_should_report_it()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var activity = fake.TypeIn("Smart.Modules.Activities", "Smart.Modules.Activities.Domain", "Activity");
        var list = fake.TypeIn("System.Collections", "System.Collections.Generic", "List`1");
        list.GenericParameters.Add(new GenericParameter(list));
        var importer = fake.Class("Smart.Modules.Fake", "Importer", TypeAttributes.NotPublic);
        fake.Field(importer, "_activities", new GenericInstanceType(list) { GenericArguments = { activity } });

        var violations = _rule.Check(fake.Build());

        Assert.Contains(new Violation("Smart.Modules.Fake.Importer",
            "-> Smart.Modules.Activities.Domain.Activity (field _activities)"), violations);
    }

    [Fact]
    public void Given_a_reference_to_the_host_Then_should_report_it()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var program = fake.TypeIn("Smart.Host", string.Empty, "Program");
        var importer = fake.Class("Smart.Modules.Fake", "Importer", TypeAttributes.NotPublic);
        fake.Method(importer, "Run", fake.CallStatic(program, "Main"));

        var violations = _rule.Check(fake.Build());

        Assert.Contains(new Violation("Smart.Modules.Fake.Importer", "-> Program (in method Run)"), violations);
    }

    [Fact]
    public void Given_only_allowed_references_Then_should_report_nothing()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var issued = fake.TypeIn("Smart.Modules.Payroll.Contracts", "Smart.Modules.Payroll.Contracts", "PayslipIssued");
        var aggregate = fake.TypeIn("Smart.BuildingBlocks", "Smart.BuildingBlocks.Domain", "AggregateRoot");
        var dbContext = fake.TypeIn("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore", "DbContext");
        var own = fake.Class("Smart.Modules.Fake.Domain", "Order", TypeAttributes.NotPublic, aggregate);
        var handler = fake.Class("Smart.Modules.Fake.Features", "PlaceOrderHandler", TypeAttributes.NotPublic);
        fake.Field(handler, "_db", dbContext);
        fake.Method(handler, "Handle", il =>
        {
            fake.NewObject(issued)(il);
            fake.NewObject(own)(il);
        });

        Assert.Empty(_rule.Check(fake.Build()));
    }
}
