using System.Text;

namespace AgentGen.Tests.Fidelity;

/// <summary>
/// Whatever a file says, Allows answers with a bool (CONTRACT §2): arbitrary entries and names,
/// built from the pieces that matter to the rules (mcp__, __, *, parentheses, legacy names, empty
/// and null strings, whitespace, surrogates), against both compiled copies.
/// </summary>
public class AllowsPropertyTests
{
    private static readonly string[] Pieces =
    [
        "mcp__", "__", "_", "*", "(", ")", "mcp", "Read", "Task", "KillShell", "KillBash", "BashOutput", "Agent", " ",
        "\t", "a", "server", "tool", "-", ".", ":", ",", "\u00e9", "\uD800", "\uDC00", "\0", "mcp__*", "mcp____", "__*",
    ];

    private static string? RandomName(Random random)
    {
        int kind = random.Next(20);
        if (kind == 0)
        {
            return null;
        }

        if (kind == 1)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        int parts = random.Next(1, 7);
        for (int i = 0; i < parts; i++)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return sb.ToString();
    }

    private static string?[] RandomList(Random random)
    {
        var list = new string?[random.Next(0, 5)];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = RandomName(random);
        }

        return list;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(20261201)]
    public void Allows_never_throws_and_both_copies_agree(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 20_000; i++)
        {
            string?[] tools = RandomList(random);
            string?[] disallowed = RandomList(random);
            string? name = RandomName(random);
            bool inherits = random.Next(2) == 0;
            bool memory = random.Next(2) == 0;
            string where = $"seed {seed} #{i}: tools=[{string.Join("|", tools)}] disallowed=[{string.Join("|", disallowed)}] name={name}";

            bool pub = false;
            bool internalCopy = false;
            Exception? thrown = Record.Exception(() => pub = AgentToolRules.Allows(inherits, tools!, disallowed!, memory, name!))
                ?? Record.Exception(() => internalCopy = AgentGen.Shared.AgentToolRules.Allows(inherits, tools!, disallowed!, memory, name!));
            Assert.True(thrown is null, where + ": " + thrown);
            Assert.True(pub == internalCopy, where);
            _ = AgentToolRules.Allows(inherits, tools!, disallowed!, name!);

            foreach (string? entry in tools)
            {
                _ = AgentToolRules.Covers(entry!, name!);
                _ = AgentToolRules.Canonicalize(entry!);
            }
        }
    }

    [Fact]
    public void Null_lists_are_no_entries()
    {
        Assert.True(AgentToolRules.Allows(true, null!, null!, "Read"));
        Assert.False(AgentToolRules.Allows(false, null!, null!, "Read"));
        Assert.True(AgentToolRules.Allows(false, null!, null!, memory: true, "Edit"));
    }
}
