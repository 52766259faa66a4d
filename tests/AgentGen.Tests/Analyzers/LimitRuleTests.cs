using System.Text;
using AgentGen.Parsing;
using AgentGen.Tests.Infrastructure;
using static AgentGen.Tests.Analyzers.AgentText;
using static AgentGen.Tests.Infrastructure.AgentFileVerifier;

namespace AgentGen.Tests.Analyzers;

/// <summary>AGEN021: an agent file beyond a processing limit (size, YAML depth or nodes, number of json blocks).</summary>
public class LimitRuleTests
{
    [Fact]
    public Task Yaml_nested_deeper_than_the_limit_is_reported_at_the_first_collection_too_deep()
    {
        // The frontmatter mapping is level 1, so the 64th '[' is the 65th level.
        string brackets = new string('[', YamlTree.MaxDepth - 1) + "{|#0:[|}" + new string('[', 5) + new string(']', YamlTree.MaxDepth + 5);
        return VerifyAsync(
            "deep.md",
            Agent("deep-yaml", "nested: " + brackets),
            Diagnostic("AGEN021").WithLocation(0).WithArguments("The frontmatter nests deeper than 64 levels; AgentGen stops reading it there"));
    }

    [Fact]
    public Task Yaml_nesting_at_the_limit_is_accepted() => VerifyAsync(
        "deep.md",
        Agent("deep-yaml", "{|AGEN015:nested|}: " + new string('[', YamlTree.MaxDepth - 1) + new string(']', YamlTree.MaxDepth - 1)));

    [Fact]
    public Task Yaml_with_too_many_nodes_is_reported_at_the_first_node_over_the_limit()
    {
        // Nodes counted before the list items: the mapping, name and its value, description and its value, the key and the list.
        const int before = 7;
        int overflowIndex = YamlTree.MaxNodes - before;
        var items = new StringBuilder();
        for (int i = 0; i <= overflowIndex + 3; i++)
        {
            items.Append(i == 0 ? string.Empty : ", ").Append(i == overflowIndex ? "{|#0:7|}" : "7");
        }

        return VerifyAsync(
            "wide.md",
            Agent("wide-yaml", "numbers: [" + items + "]"),
            Diagnostic("AGEN021").WithLocation(0).WithArguments("The frontmatter has more than " + YamlTree.MaxNodes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " YAML nodes; AgentGen stops reading it there"));
    }

    [Fact]
    public Task Too_many_json_blocks_are_reported_at_the_first_block_over_the_limit()
    {
        var body = new StringBuilder();
        for (int i = 0; i < AgentFileParser.MaxJsonBlocks; i++)
        {
            body.Append("```json\n{ \"n\": ").Append(i).Append(" }\n```\n");
        }

        body.Append("{|#0:```json|}\n{}\n```\n");
        return VerifyAsync(
            "many.md",
            Agent("many-blocks").Replace("Body text.\n", body.ToString(), StringComparison.Ordinal),
            Diagnostic("AGEN021").WithLocation(0).WithArguments("The body has more than 1,000 ```json blocks; AgentGen stops reading at this one and generates no code for the file"));
    }

    [Fact]
    public Task File_longer_than_the_limit_is_reported_at_its_start_and_not_parsed()
    {
        string text = Agent("huge") + new string('x', AgentFileParser.MaxFileLength);
        return VerifyAsync(
            "huge.md",
            text,
            Diagnostic("AGEN021").WithSpan(PathOf("huge.md"), 1, 1, 1, 1)
                .WithArguments(string.Format(System.Globalization.CultureInfo.InvariantCulture, "The file is {0:N0} characters long; AgentGen reads agent files up to {1:N0} characters", text.Length, AgentFileParser.MaxFileLength)));
    }

    [Fact]
    public Task Aliases_are_not_expanded_so_a_yaml_bomb_is_just_an_unknown_field() => VerifyAsync(
        "bomb.md",
        Agent(
            "yaml-bomb-carrier",
            "{|AGEN015:load_profile|}:",
            "  a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]",
            "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
            "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
            "  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
            "  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
            "  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
            "  g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
            "  h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]",
            "  i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]"));
}
