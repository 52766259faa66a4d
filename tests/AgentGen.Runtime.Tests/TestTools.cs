using System.ComponentModel;
using AgentGen.AI;
using Microsoft.Extensions.AI;

namespace AgentGen.Runtime.Tests;

/// <summary>A toolbox whose tools record that they ran.</summary>
public sealed class TestTools
{
    public List<string> Ran { get; } = new();

    public List<ToolCallRefusedEventArgs> Refused { get; } = new();

    public AgentToolbox Box { get; } = new();

    public TestTools()
    {
        Box.Add("Read", ([Description("path")] string path) => { Ran.Add("Read " + path); return "contents of " + path; }, "Reads a file.")
           .Add("Grep", (string pattern) => { Ran.Add("Grep " + pattern); return "no match"; }, "Searches files.")
           .Add("Write", (string path, string content) => { Ran.Add("Write " + path); return "written"; }, "Writes a file.")
           .Add("Edit", (string path) => { Ran.Add("Edit " + path); return "edited"; })
           .Add("Bash", (string command) => { Ran.Add("Bash " + command); return "ok"; })
           .AddMcpServer("archive", [AIFunctionFactory.Create((string name) => { Ran.Add("archive " + name); return "filed"; }, "file_document")]);
        Box.ToolRefused += (_, e) => Refused.Add(e);
    }
}
