#!/usr/bin/env python3
"""Variants of generated code for the compile probe (docs/performance.md, "What the generated code
costs to compile"): copies a folder of AgentGen's output (the agent classes, AgentTool.g.cs,
AgentCatalog.g.cs) once per variant, with one kind of thing taken out or written another way, so
the probe can time them side by side in one process. The variants are measurements only: some do
not keep the contract (no catalog, no body), none is what the generator should emit as it is.

usage: eng/compile-bench/variants.py SOURCE_DIR OUT_DIR VARIANT [VARIANT ...]   (OUT_DIR/VARIANT each)
"""
import os
import re
import shutil
import sys

STRING = r'"(?:[^"\\]|\\.)*"'


def is_agent(name):
    return name.endswith("Agent.g.cs")


def inherits(text):
    return ": AllToolsAgentDefinition" in text


def body_line(text):
    return max(text.split("\n"), key=len)


def no_body(name, text):
    """The body literal (an agent class's longest line) as an empty string."""
    if not is_agent(name):
        return text
    line = body_line(text)
    return text.replace(line, re.sub(STRING, '""', line, count=1), 1)


def minimal_call(name, text):
    """No body; an inheriting agent passes only its name and inheritsAllTools to the long constructor."""
    text = no_body(name, text)
    if not is_agent(name) or not inherits(text):
        return text
    return re.sub(r"\(\) : base\(\n.*?\)\n(\s*)\{", r'() : base(\n            AgentName, "", null, "", inheritsAllTools: true)\n\1{', text, flags=re.S)


def short_call(name, text):
    """minimal_call through the short constructor (no named, no default argument)."""
    text = minimal_call(name, text)
    return text.replace('AgentName, "", null, "", inheritsAllTools: true)', 'AgentName, "", null, "")')


def drop_lines(pattern):
    return lambda name, text: re.sub(r"\n *" + pattern + r"[^\n]*", "", text) if is_agent(name) else text


def no_catalog_properties(name, text):
    if name != "AgentCatalog.g.cs":
        return text
    return re.sub(r"\n */// <summary>The <c>[^\n]*</c> agent.</summary>\n *public static [^\n]*\n", "\n", text)


def catalog_lean(name, text):
    """AgentCatalog with simple type names and without its array of names (taken from the agents)."""
    if name != "AgentCatalog.g.cs":
        return text
    ns = re.search(r"namespace ([\w.]+)", text).group(1)
    text = text.replace("global::" + ns + ".", "")
    text = re.sub(r"\n *private static readonly string\[\] s_names = [^\n]*", "", text)
    text = text.replace("(s_names.Length,", "(s_all.Length,")
    text = text.replace("for (int i = 0; i < s_names.Length; i++) index[s_names[i]] = s_all[i];",
                        "foreach (global::AgentGen.IAgentDefinition a in s_all) index[a.Name] = a;")
    return text.replace("AgentLookup.NotFound(name, s_names)", "AgentLookup.NotFound(name, global::System.Array.ConvertAll(s_all, a => a.Name))")


def split_body(name, text):
    """The body as one literal per line, joined with +."""
    if not is_agent(name):
        return text
    line = body_line(text)
    indent = line[: len(line) - len(line.lstrip())]
    return text.replace(line, indent + ('\\n" +\n' + indent + '"').join(line.strip().split("\\n")), 1)


def annotations_only(name, text):
    return text.replace("#nullable enable\n", "#nullable enable annotations\n", 1)


OPTIONAL = ["metadata", "color", "permissionMode", "maxTurns", "skills", "mcpServers", "hooks", "memory", "background",
            "omitClaudeMd", "effort", "isolation", "initialPrompt", "experimental", "agentTypes", "mcpServerEntries", "hooksJson"]


def pascal(name):
    return name[0].upper() + name[1:]


def named_arguments(line):
    """'inheritsAllTools: true, metadata: new string[] { "a, b" }, maxTurns: 3' -> [(name, value), ...]"""
    parts, depth, quoted, start, i = [], 0, False, 0, 0
    while i < len(line):
        c = line[i]
        if quoted:
            if c == "\\":
                i += 1
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
        elif c in "{(":
            depth += 1
        elif c in "})":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(line[start:i].strip())
            start = i + 1
        i += 1
    parts.append(line[start:].strip())
    return [tuple(p.split(": ", 1)) for p in parts]


def options_object(name, text):
    """Inheriting agents pass their optional fields as one object: options: new() { MaxTurns = 3, ... }."""
    if name == "AgentTool.g.cs":
        types = re.search(r"private protected AllToolsAgentDefinition\(([^)]*)\)", text).group(1)
        typed = dict(reversed(p.split(" = ")[0].rsplit(" ", 1)) for p in types.split(", "))
        options = "    public sealed class AgentOptions\n    {\n" + "".join(
            "        public %s %s { get; init; }\n" % (typed[o], pascal(o)) for o in OPTIONAL) + "    }\n"
        ctor = ("        private protected AllToolsAgentDefinition(string name, string description, string? model, string instructions, AgentOptions options)\n"
                "            : base(AgentTools.NameOfTool, AgentTools.ParseTool, name, description, model, instructions, true, null, null"
                + "".join(", options." + pascal(o) for o in OPTIONAL) + ")\n        {\n        }\n\n")
        text = text.replace("        /// <summary>The tools these agents may use", ctor + "        /// <summary>The tools these agents may use", 1)
        end = text.rindex("}")
        return text[:end] + options + text[end:]
    if not is_agent(name) or not inherits(text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip().startswith("inheritsAllTools: true"):
            indent = line[: len(line) - len(line.lstrip())]
            args = named_arguments(line.strip()[:-1])[1:]
            lines[i] = indent + "options: new() { " + ", ".join(pascal(n) + " = " + v for n, v in args) + " })"
    return "\n".join(lines)


VARIANTS = {
    "as-is": lambda name, text: text,
    "no-body": no_body,
    "no-catalog": lambda name, text: None if name == "AgentCatalog.g.cs" else text,
    "no-catalog-properties": no_catalog_properties,
    "catalog-lean": catalog_lean,
    "no-generated-code-attribute": drop_lines(r"\[global::System.CodeDom.Compiler.GeneratedCode"),
    "split-body": split_body,
    "annotations-only": annotations_only,
    "options-object": options_object,
    "minimal-call": minimal_call,
    "short-call": short_call,
}

if __name__ == "__main__":
    source, out, wanted = sys.argv[1], sys.argv[2], sys.argv[3:]
    files = {f: open(os.path.join(source, f), encoding="utf-8-sig").read() for f in os.listdir(source) if f.endswith(".cs")}
    for variant in wanted:
        target = os.path.join(out, variant)
        shutil.rmtree(target, ignore_errors=True)
        os.makedirs(target)
        for name, text in files.items():
            result = VARIANTS[variant](name, text)
            if result is not None:
                with open(os.path.join(target, name), "w", encoding="utf-8") as f:
                    f.write(result)
