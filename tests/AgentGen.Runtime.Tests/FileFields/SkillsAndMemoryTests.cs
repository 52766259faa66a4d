using AgentGen.AI;

namespace AgentGen.Runtime.Tests.FileFields;

/// <summary>Skills preload and agent memory (D-SUB "Preload skills into subagents", "Enable persistent memory", CC 2.1.240).</summary>
public class SkillsAndMemoryTests
{
    [Fact]
    public void Listed_skills_are_preloaded_in_full_and_missing_or_disabled_ones_skipped_with_a_warning()
    {
        using var project = new TempProject();
        project.Write(".claude/skills/changelog/SKILL.md", "---\nname: changelog\ndescription: Writes entries.\n---\nAdd an entry under Unreleased. Scripts are in ${CLAUDE_SKILL_DIR}.\n");
        project.Write(".claude/skills/deploy/SKILL.md", "---\ndescription: Deploys.\ndisable-model-invocation: yes\n---\nDeploy it.\n");
        var log = new ListLogger();

        string? text = AgentFileContext.Build("writer", new[] { "changelog", "deploy", "missing" }, null, project.Directory, log);

        Assert.NotNull(text);
        Assert.Contains("<skill name=\"changelog\">", text);
        Assert.Contains("Add an entry under Unreleased.", text);
        Assert.Contains(Path.Combine(project.Directory, ".claude", "skills", "changelog"), text);
        Assert.DoesNotContain("description: Writes entries.", text);
        Assert.DoesNotContain("Deploy it.", text);
        Assert.Contains(log.Lines, l => l.Contains("'deploy'") && l.Contains("disable-model-invocation"));
        Assert.Contains(log.Lines, l => l.Contains("'missing'"));
    }

    [Theory]
    [InlineData(AgentMemoryScope.Project, ".claude/agent-memory/keeper")]
    [InlineData(AgentMemoryScope.Local, ".claude/agent-memory-local/keeper")]
    public void Memory_directory_is_laid_out_as_Claude_Code_does(AgentMemoryScope scope, string relative)
    {
        using var project = new TempProject();
        Assert.Equal(Path.Combine(project.Directory, relative.Replace('/', Path.DirectorySeparatorChar)), AgentFileContext.MemoryDirectory(scope, "keeper", project.Directory));
        string user = AgentFileContext.MemoryDirectory(AgentMemoryScope.User, "keeper", project.Directory)!;
        Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".claude", "agent-memory", "keeper"), user);
    }

    [Fact]
    public void Memory_puts_the_first_200_lines_of_MEMORY_md_into_the_instructions()
    {
        using var project = new TempProject();
        project.Write(".claude/agent-memory/keeper/MEMORY.md", string.Join("\n", Enumerable.Range(1, 250).Select(i => "line " + i)) + "\n");
        string text = AgentFileContext.Build("keeper", Array.Empty<string>(), AgentMemoryScope.Project, project.Directory, null)!;
        Assert.Contains("line 200", text);
        Assert.DoesNotContain("line 201", text);
        Assert.Contains("longer than what is loaded", text);
        Assert.Contains(Path.Combine(project.Directory, ".claude", "agent-memory", "keeper"), text);
    }

    [Fact]
    public void Memory_head_stops_at_25_KB_before_200_lines()
    {
        using var project = new TempProject();
        string path = project.Write("MEMORY.md", string.Join("\n", Enumerable.Range(1, 100).Select(i => new string('x', 500))));
        string head = AgentFileContext.ReadMemoryHead(path, out bool truncated)!;
        Assert.True(truncated);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(head) <= 25 * 1024);
        Assert.True(head.Length > 24 * 1024);
    }

    [Fact]
    public async Task Memory_directory_writes_run_without_asking_in_default_mode()
    {
        using var project = new TempProject();
        var options = new AgentRuntimeOptions { ProjectDirectory = project.Directory, PermissionMode = AgentPermissionMode.Default };
        var gate = new AgentPermissionGate(new TestAgent("keeper", memory: AgentMemoryScope.Project), options, null);
        string inMemory = Path.Combine(project.Directory, ".claude", "agent-memory", "keeper", "MEMORY.md");
        Assert.True((await gate.CheckAsync("Write", "c", new Dictionary<string, object?> { ["file_path"] = inMemory }, CancellationToken.None)).IsAllowed);
        Assert.False((await gate.CheckAsync("Write", "c", new Dictionary<string, object?> { ["file_path"] = "src/a.cs" }, CancellationToken.None)).IsAllowed);
    }
}
