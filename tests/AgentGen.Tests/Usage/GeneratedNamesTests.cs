using System.Reflection;
using AgentGen.Model;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AgentGen.Tests.Usage;

/// <summary>
/// The usage rules recognize AgentGen's code by the names in <see cref="GeneratedNames"/>: these
/// tests fail when AgentGen.Abstractions or the generated code stop using one of them, before a
/// rule silently stops firing.
/// </summary>
public class GeneratedNamesTests
{
    [Fact]
    public void Abstractions_names_are_the_real_types_and_members()
    {
        Assembly abstractions = typeof(AgentDefinitionAttribute).Assembly;
        Assert.Equal(GeneratedNames.AbstractionsAssembly, abstractions.GetName().Name);
        Assert.Equal(GeneratedNames.AgentDefinitionAttributeMetadataName, typeof(AgentDefinitionAttribute).FullName);
        Assert.Equal(GeneratedNames.DeclaredToolAttributeMetadataName, typeof(DeclaredToolAttribute).FullName);
        Assert.Equal(GeneratedNames.ToolNameAttributeMetadataName, typeof(ToolNameAttribute).FullName);
        Assert.Equal(GeneratedNames.AgentDefinitionInterfaceMetadataName, typeof(IAgentDefinition).FullName);
        Assert.Equal(GeneratedNames.AgentDefinitionBaseMetadataName, typeof(AgentDefinitionBase).FullName);

        Assert.NotNull(typeof(IAgentDefinition).GetMethod(GeneratedNames.Allows, new[] { typeof(string) }));
        Assert.NotNull(typeof(AgentDefinitionBase).GetMethod(GeneratedNames.EnsureAllowed, new[] { typeof(string) }));
        foreach (string property in new[]
        {
            GeneratedNames.AgentDefinitionProperties.Tools,
            GeneratedNames.AgentDefinitionProperties.DisallowedTools,
            GeneratedNames.AgentDefinitionProperties.InheritsAllTools,
            GeneratedNames.AgentDefinitionProperties.Memory,
            GeneratedNames.AgentDefinitionProperties.SourceFile,
        })
        {
            Assert.NotNull(typeof(AgentDefinitionAttribute).GetProperty(property));
        }
    }

    [Fact]
    public void Generated_names_are_what_the_generator_writes()
    {
        GeneratorResult result = new GeneratorHarness()
            .Agent("code-reviewer.md", "---\nname: code-reviewer\ndescription: Reviews.\ntools: Read, Grep\nmemory: project\n---\nReview.\n")
            .Agent("docs-writer.md", "---\nname: docs-writer\ndescription: Writes docs.\ndisallowedTools: Bash\n---\nWrite.\n")
            .Run();
        result.AssertCompilesCleanly();
        Assert.Contains(GeneratedNames.ToolEnumHintName, result.Sources.Keys);
        Assert.Contains(GeneratedNames.CatalogHintName, result.Sources.Keys);

        Compilation output = result.Output;
        INamedTypeSymbol toolEnum = Single(output, "TestProject.Agents." + GeneratedNames.ToolEnum);
        INamedTypeSymbol tools = Single(output, "TestProject.Agents." + GeneratedNames.ToolsClass);
        INamedTypeSymbol catalog = Single(output, "TestProject.Agents." + GeneratedNames.Catalog);
        INamedTypeSymbol agent = Single(output, "TestProject.Agents.CodeReviewerAgent");
        Assert.Equal(TypeKind.Enum, toolEnum.TypeKind);
        Assert.NotEmpty(tools.GetMembers(GeneratedNames.TryParse));
        Assert.NotEmpty(tools.GetMembers(GeneratedNames.ToToolName));
        Assert.NotEmpty(catalog.GetMembers(CatalogMembers.Get));
        Assert.NotEmpty(catalog.GetMembers(CatalogMembers.TryGet));
        Assert.NotEmpty(agent.GetMembers(GeneratedNames.ToAgentTool));
        Assert.NotEmpty(agent.GetMembers(GeneratedNames.Instance));
        Assert.NotEmpty(agent.GetMembers(GeneratedNames.AgentName));
        Assert.Equal(TypeKind.Enum, Assert.Single(agent.GetTypeMembers(GeneratedNames.AgentToolEnum)).TypeKind);

        foreach (INamedTypeSymbol generated in new[] { toolEnum, tools, catalog, agent })
        {
            Assert.Contains(generated.GetAttributes(), a => a.AttributeClass?.Name == GeneratedNames.GeneratedCodeAttribute && Equals(a.ConstructorArguments[0].Value, GeneratedNames.GeneratorName));
        }

        AttributeData definition = Assert.Single(agent.GetAttributes(), a => a.AttributeClass?.Name == GeneratedNames.AgentDefinitionAttribute);
        string[] named = definition.NamedArguments.Select(a => a.Key).ToArray();
        Assert.Contains(GeneratedNames.AgentDefinitionProperties.Tools, named);
        Assert.Contains(GeneratedNames.AgentDefinitionProperties.Memory, named);
        Assert.Contains(GeneratedNames.AgentDefinitionProperties.SourceFile, named);
        AttributeData docs = Assert.Single(Single(output, "TestProject.Agents.DocsWriterAgent").GetAttributes(), a => a.AttributeClass?.Name == GeneratedNames.AgentDefinitionAttribute);
        Assert.Contains(GeneratedNames.AgentDefinitionProperties.DisallowedTools, docs.NamedArguments.Select(a => a.Key));
        Assert.Contains(GeneratedNames.AgentDefinitionProperties.InheritsAllTools, docs.NamedArguments.Select(a => a.Key));
    }

    private static INamedTypeSymbol Single(Compilation compilation, string metadataName)
        => compilation.GetTypeByMetadataName(metadataName) ?? throw new Xunit.Sdk.XunitException("no type " + metadataName);
}
