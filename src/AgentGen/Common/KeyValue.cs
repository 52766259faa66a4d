namespace AgentGen.Common
{
    /// <summary>An equatable string pair (frontmatter metadata, diagnostic properties).</summary>
    internal readonly record struct KeyValue(string Key, string Value);
}
