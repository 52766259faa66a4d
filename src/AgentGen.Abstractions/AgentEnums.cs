#pragma warning disable CS1591 // enum members are the YAML values they mirror
namespace AgentGen
{
    /// <summary>The <c>color</c> of an agent in the UI.</summary>
    public enum AgentColor { Red, Blue, Green, Yellow, Purple, Orange, Pink, Cyan }

    /// <summary>The <c>permissionMode</c> of an agent.</summary>
    public enum AgentPermissionMode { Default, AcceptEdits, Auto, DontAsk, BypassPermissions, Plan, Manual }

    /// <summary>The <c>effort</c> an agent spends.</summary>
    public enum AgentEffort { Low, Medium, High, XHigh, Max }

    /// <summary>The <c>memory</c> scope of an agent.</summary>
    public enum AgentMemoryScope { User, Project, Local }

    /// <summary>The <c>isolation</c> of an agent.</summary>
    public enum AgentIsolation { Worktree }
}
