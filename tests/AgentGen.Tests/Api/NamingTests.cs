using AgentGen.Model;

namespace AgentGen.Tests.Api;

public class NamingTests
{
    [Theory]
    [InlineData("backend-architect", "BackendArchitectAgent")]
    [InlineData("powershell-5.1-expert", "Powershell51ExpertAgent")]
    [InlineData("code-review-agent", "CodeReviewAgent")]
    [InlineData("agent", "Agent")]
    [InlineData("3d-modeler", "_3dModelerAgent")]
    [InlineData("snake_case_name", "SnakeCaseNameAgent")]
    [InlineData("class", "ClassAgent")]
    [InlineData("!!!", "UnnamedAgent")]
    public void Agent_class_names_follow_the_contract(string name, string expected) =>
        Assert.Equal(expected, Naming.AgentClassName(name));

    [Theory]
    [InlineData("Read", "Read")]
    [InlineData("mcp__context7__resolve-library-id", "McpContext7ResolveLibraryId")]
    [InlineData("mcp__sequential-thinking__sequentialthinking", "McpSequentialThinkingSequentialthinking")]
    [InlineData("subagent-catalog:search", "SubagentCatalogSearch")]
    [InlineData("npm", "Npm")]
    [InlineData("mcp__github", null)]
    [InlineData("mcp__github__*", null)]
    [InlineData("***", null)]
    public void Tool_member_names_follow_the_contract(string tool, string? expected) =>
        Assert.Equal(expected, Naming.ToolMemberName(tool));

    [Theory]
    [InlineData("get_requirements", "GetRequirementsPayload")]
    [InlineData("get-architecture", "GetArchitecturePayload")]
    [InlineData("2fa_check", "_2faCheckPayload")]
    public void Payload_record_names_follow_the_contract(string requestType, string expected) =>
        Assert.Equal(expected, Naming.PayloadRecordName(requestType));
}
