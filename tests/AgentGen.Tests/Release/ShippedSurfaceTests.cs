using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Release;

/// <summary>
/// The analyzer assemblies the package ships (src/AgentGen and src/AgentGen.CodeFixes built as
/// AgentGen.Package packs them, from src/*/bin/&lt;Configuration&gt;/netstandard2.0) carry nothing for
/// tests. The tests in this project run against a separate build of the same sources with
/// AGENTGEN_TEST_SEAMS defined (src/TestSeams.props, bin/TestSeams/); this test reads the shipped
/// files' metadata (every type and member, public or not) without loading them, so it sees them
/// and not the test build this process runs.
/// </summary>
public sealed class ShippedSurfaceTests
{
    /// <summary>The assemblies that may see the shipped analyzers' internals: each other, never a test or benchmark project.</summary>
    private static readonly string[] ShippedFriends = ["AgentGen.CodeFixes"];

    /// <summary>
    /// A name that says it is there for tests: a hook, a seam, or "for tests"/"test only"/"testing".
    /// Ends-with for Hook: the generator reads Claude Code's <c>hooks</c> settings, so <c>Hooks</c>/<c>HooksJson</c> are product names.
    /// </summary>
    private static readonly Regex TestName = new(@"Hook$|Seam|ForTest|TestOnly|Testing", RegexOptions.CultureInvariant);

    public static TheoryData<string> ShippedAnalyzers() => new() { "AgentGen", "AgentGen.CodeFixes" };

    [Theory]
    [MemberData(nameof(ShippedAnalyzers))]
    public void Shipped_analyzer_assembly_has_no_test_seam(string project)
    {
        string path = ShippedPath(project);
        Assert.True(File.Exists(path), "the shipped build of " + project + " is missing at " + path + " (the test project builds it: see AgentGen.Tests.csproj)");

        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        var found = new List<string>();

        foreach (TypeDefinitionHandle th in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(th);
            string typeName = FullName(md, type);
            Check(typeName, md.GetString(type.Name), "type");

            foreach (FieldDefinitionHandle fh in type.GetFields())
            {
                FieldDefinition field = md.GetFieldDefinition(fh);
                string name = md.GetString(field.Name);
                Check(typeName + "." + name, name, "field");

                // A static field code outside its type can assign (not private, not readonly, not a
                // constant) is a switch a test flips: the fault hook, the parse hook, the text budget.
                // The compiler's own (lambda caches, named "<...>", in types named "<...>") are not source code.
                FieldAttributes a = field.Attributes;
                bool isStatic = (a & FieldAttributes.Static) != 0;
                bool fixedValue = (a & (FieldAttributes.InitOnly | FieldAttributes.Literal)) != 0;
                bool privateAccess = (a & FieldAttributes.FieldAccessMask) == FieldAttributes.Private;
                bool compilerGenerated = name.StartsWith('<') || typeName.Contains('<');
                if (isStatic && !fixedValue && !privateAccess && !compilerGenerated)
                {
                    found.Add("settable static field " + typeName + "." + name + " (" + (a & FieldAttributes.FieldAccessMask) + ")");
                }
            }

            foreach (MethodDefinitionHandle mh in type.GetMethods())
            {
                string name = md.GetString(md.GetMethodDefinition(mh).Name);
                Check(typeName + "." + name, name, "method");
            }

            foreach (PropertyDefinitionHandle ph in type.GetProperties())
            {
                string name = md.GetString(md.GetPropertyDefinition(ph).Name);
                Check(typeName + "." + name, name, "property");
            }

            foreach (EventDefinitionHandle eh in type.GetEvents())
            {
                string name = md.GetString(md.GetEventDefinition(eh).Name);
                Check(typeName + "." + name, name, "event");
            }
        }

        foreach (string friend in InternalsVisibleTo(md))
        {
            string friendName = friend.Split(',')[0].Trim();
            if (!ShippedFriends.Contains(friendName))
            {
                found.Add("[InternalsVisibleTo(\"" + friend + "\")]");
            }
        }

        Assert.True(found.Count == 0, project + ".dll (" + path + ") ships test seams:\n  " + string.Join("\n  ", found));

        void Check(string where, string name, string kind)
        {
            if (TestName.IsMatch(name))
            {
                found.Add(kind + " " + where);
            }
        }
    }

    /// <summary>Where AgentGen.Package takes the analyzers from (AgentGenPackAnalyzers in AgentGen.Package.csproj).</summary>
    private static string ShippedPath(string project)
    {
        string configuration = typeof(ShippedSurfaceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(m => m.Key == "AgentGenConfiguration").Value!;
        return Path.Combine(TestFiles.RepoRoot, "src", project, "bin", configuration, "netstandard2.0", project + ".dll");
    }

    private static string FullName(MetadataReader md, TypeDefinition type)
    {
        string name = md.GetString(type.Name);
        TypeDefinitionHandle outer = type.GetDeclaringType();
        return outer.IsNil
            ? (type.Namespace.IsNil ? name : md.GetString(type.Namespace) + "." + name)
            : FullName(md, md.GetTypeDefinition(outer)) + "+" + name;
    }

    private static IEnumerable<string> InternalsVisibleTo(MetadataReader md)
    {
        foreach (CustomAttributeHandle ah in md.GetAssemblyDefinition().GetCustomAttributes())
        {
            CustomAttribute attribute = md.GetCustomAttribute(ah);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            MemberReference ctor = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (ctor.Parent.Kind != HandleKind.TypeReference
                || md.GetString(md.GetTypeReference((TypeReferenceHandle)ctor.Parent).Name) != "InternalsVisibleToAttribute")
            {
                continue;
            }

            // The blob: prolog 0x0001, then the one string argument.
            BlobReader blob = md.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            yield return blob.ReadSerializedString() ?? string.Empty;
        }
    }
}
