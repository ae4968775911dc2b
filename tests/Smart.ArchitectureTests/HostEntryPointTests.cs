using Mono.Cecil;
using Smart.ArchitectureTests.Rules;
using Smart.ArchitectureTests.Support;

namespace Smart.ArchitectureTests;

public sealed class HostEntryPointTests
{
    private readonly HostEntryPointRule _hostRule = new();
    private readonly ModuleEntryPointRule _entryRule = new();

    [Theory]
    [MemberData(nameof(ModuleAssemblies.Modules), MemberType = typeof(ModuleAssemblies))]
    public void Given_the_host_Then_should_reference_only_the_module_entry_type(string module)
    {
        using var assemblies = new ModuleAssemblies();

        _hostRule.Assert(_hostRule.Check(assemblies.Host(), module));
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies.Modules), MemberType = typeof(ModuleAssemblies))]
    public void Given_a_module_Then_should_expose_a_public_entry_type_implementing_IModule(string module)
    {
        using var assemblies = new ModuleAssemblies();

        _entryRule.Assert(_entryRule.Check(assemblies.Implementation(module), module));
    }

    [Fact]
    public void Given_a_host_referencing_a_module_handler_Then_should_report_it_and_allow_entry_and_contracts()
    {
        var fake = new FakeAssembly("Smart.Host");
        var entry = fake.TypeIn("Smart.Modules.Payroll", "Smart.Modules.Payroll", "PayrollModule");
        var handler = fake.TypeIn("Smart.Modules.Payroll", "Smart.Modules.Payroll.Features", "IssuePayslipHandler");
        var issued = fake.TypeIn("Smart.Modules.Payroll.Contracts", "Smart.Modules.Payroll.Contracts", "PayslipIssued");
        var program = fake.Class(string.Empty, "Program", TypeAttributes.NotPublic);
        var main = fake.Nested(program, "<<Main>$>d__0", compilerGenerated: true);
        fake.Method(main, "MoveNext", il =>
        {
            fake.NewObject(entry)(il);
            fake.NewObject(issued)(il);
            fake.NewObject(handler)(il);
        });

        var violations = _hostRule.Check(fake.Build(), "Payroll");

        Assert.Equal(
            [new Violation("Program", "-> Smart.Modules.Payroll.Features.IssuePayslipHandler (in method <Main>$)")],
            violations);
    }

    [Fact]
    public void Given_a_host_referencing_a_type_nested_in_the_entry_type_Then_should_report_it()
    {
        var fake = new FakeAssembly("Smart.Host");
        var entry = fake.TypeIn("Smart.Modules.Payroll", "Smart.Modules.Payroll", "PayrollModule");
        var options = fake.NestedTypeIn(entry, "Options");
        var program = fake.Class(string.Empty, "Program", TypeAttributes.NotPublic);
        fake.Field(program, "_options", options);

        var violations = _hostRule.Check(fake.Build(), "Payroll");

        Assert.Equal(
            [new Violation("Program", "-> Smart.Modules.Payroll.PayrollModule+Options (field _options)")], violations);
    }

    [Fact]
    public void Given_a_module_without_a_public_entry_type_Then_should_report_it()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        fake.Class("Smart.Modules.Fake", "FakeModule", TypeAttributes.NotPublic);

        var violations = _entryRule.Check(fake.Build(), "Fake");

        Assert.Contains(new Violation("Smart.Modules.Fake.FakeModule", "must be a public class"), violations);
        Assert.Contains(new Violation("Smart.Modules.Fake.FakeModule",
            "must implement Smart.BuildingBlocks.Modules.IModule"), violations);
    }

    [Fact]
    public void Given_an_entry_type_implementing_IModule_through_a_base_class_Then_should_report_nothing()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var moduleBase = fake.Class("Smart.Modules.Fake", "ModuleBase", TypeAttributes.Public | TypeAttributes.Abstract);
        var moduleInterface = fake.TypeIn("Smart.BuildingBlocks", "Smart.BuildingBlocks.Modules", "IModule");
        moduleBase.Interfaces.Add(new InterfaceImplementation(moduleInterface));
        fake.Class("Smart.Modules.Fake", "FakeModule", baseType: moduleBase);

        Assert.Empty(_entryRule.Check(fake.Build(), "Fake"));
    }
}
