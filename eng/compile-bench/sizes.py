#!/usr/bin/env python3
"""Sizes of AgentGen's generated C# (compile benchmark): per agent class, with and without the
body literal (the agent class's longest line, the escaped Markdown body on one line), and totals."""
import os
import sys

root, n = sys.argv[1], int(sys.argv[2])
agent_files, other_files = [], []
for dirpath, _, files in os.walk(root):
    for f in files:
        if f.endswith(".g.cs"):
            path = os.path.join(dirpath, f)
            text = open(path, encoding="utf-8").read()
            (agent_files if "AgentGen.AgentDefinition(" in text else other_files).append((f, text))
total = sum(len(t.encode()) for _, t in agent_files + other_files)
agent_total = sum(len(t.encode()) for _, t in agent_files)
without_body = [len(t.encode()) - max(len(l.encode()) for l in t.split("\n")) for _, t in agent_files]
inherit = [len(t.encode()) - max(len(l.encode()) for l in t.split("\n")) for _, t in agent_files if "InheritsAllTools = true" in t]
print(f"agent classes: {len(agent_files)} (of {n} agents), other generated files: {len(other_files)}")
print(f"generated C#: {total / 1e6:.2f} MB in all; agent classes {agent_total / 1e6:.2f} MB")
print(f"per agent class, body literal excluded: mean {sum(without_body) / len(without_body):.0f} B, max {max(without_body)} B;"
      f" inheriting agents mean {sum(inherit) / max(1, len(inherit)):.0f} B")
print(f"other generated files (AgentTool, AgentCatalog, message records): {sum(len(t.encode()) for _, t in other_files) / 1e3:.0f} KB")
