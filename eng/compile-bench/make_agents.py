#!/usr/bin/env python3
"""Writes N agent files of realistic shape for the compile benchmark (docs/performance.md).

Deterministic per index. Each file: a frontmatter (name, description, model; half of the agents
have no `tools` and inherit every tool, the other half list built-in and MCP tools; some carry
`color`, `maxTurns`, `effort`, `skills`-free optional fields and an unknown field kept in
Metadata) and a Markdown body of 5-20 KB with headings, lists, a YAML block and, in two agents
of three, one or two ```json protocol messages (request types shared between agents, so payload
shapes are merged as in a real collection).

usage: [LIST_TOOLS_EVERY=k] [BODY_MIN=c BODY_MAX=c] make_agents.py OUT_DIR N
  (LIST_TOOLS_EVERY: every k-th agent lists its tools, the others inherit every tool; default 2,
  half and half; 13 gives 185 of 200 inheriting, about the share of a large public collection)
"""
import os
import random
import sys

AREAS = ["billing", "catalog", "checkout", "search", "identity", "shipping", "pricing", "reporting", "inventory", "support"]
ROLES = ["reviewer", "architect", "tester", "writer", "planner", "auditor", "migrator", "triager"]
SERVERS = ["issue-tracker", "docs-index", "metrics", "feature-flags", "ci-runner", "schema-registry"]
SERVER_TOOLS = ["search", "get-item", "create-item", "update-item", "list-recent", "explain"]
BUILTINS = ["Read", "Grep", "Glob", "Edit", "Write", "Bash", "WebFetch", "WebSearch", "TodoWrite", "NotebookEdit"]
WORDS = ("ledger request contract latency budget schema rollout customer invoice queue retry cache index "
         "migration boundary owner review signal threshold window release baseline dashboard incident runbook "
         "partition replica token session quota consistent measured small explicit reversible documented tested "
         "observable safe clear check compare record verify summarise escalate split merge publish archive "
         "before after every each only never always within across between").split()
VERBS = ["review", "estimate", "approve", "audit", "plan", "verify", "summarise", "triage"]
NOUNS = ["change", "schema", "rollout", "incident", "release", "budget"]
COLORS = ["red", "blue", "green", "yellow", "purple", "orange", "pink", "cyan"]


def sentence(rnd, n):
    words = [rnd.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def name(i):
    return f"{AREAS[i % len(AREAS)]}-{ROLES[(i // len(AREAS)) % len(ROLES)]}-{i:04d}"


def message(rnd, i, own):
    if own:
        rt = f"{VERBS[i % len(VERBS)]}_{name(i).replace('-', '_')}"
    else:
        rt = f"{VERBS[rnd.randrange(len(VERBS))]}_{NOUNS[rnd.randrange(len(NOUNS))]}"
    return (
        "```json\n{\n"
        f'  "requesting_agent": "{name(i)}",\n'
        f'  "request_type": "{rt}",\n'
        '  "payload": {\n'
        f'    "target": "{rnd.choice(WORDS)}-{rnd.randrange(100)}",\n'
        f'    "priority": {rnd.randrange(1, 5)},\n'
        f'    "dry_run": {"true" if rnd.random() < 0.5 else "false"},\n'
        f'    "labels": ["{rnd.choice(WORDS)}", "{rnd.choice(WORDS)}"],\n'
        '    "window": { "start": "2026-01-01T00:00:00Z", "hours": 4 }\n'
        "  }\n}\n```\n\n")


def agent(i):
    rnd = random.Random(i * 7919 + 17)
    target = BODY_MIN + rnd.randrange(BODY_MAX - BODY_MIN + 1)
    out = ["---\n", f"name: {name(i)}\n",
           f"description: {sentence(rnd, 14)} Use it when {sentence(rnd, 10).lower()}\n"]
    if i % LIST_TOOLS_EVERY == 1:  # by default half list their tools, half inherit every tool
        s = SERVERS[i % len(SERVERS)]
        tools = BUILTINS[: 4 + i % 7] + [f"mcp__{s}__{SERVER_TOOLS[i % 6]}", f"mcp__{s}__{SERVER_TOOLS[(i + 1) % 6]}"]
        out.append("tools: " + ", ".join(tools) + "\n")
    out.append(f"model: {'opus' if i % 3 == 0 else 'sonnet'}\n")
    if i % 4 == 0:
        out.append(f"color: {COLORS[i % len(COLORS)]}\n")
    if i % 5 == 0:
        out.append(f"maxTurns: {10 + i % 20}\n")
    if i % 7 == 0:
        out.append("effort: high\n")
    out.append(f"team_lane: {AREAS[i % len(AREAS)]}, {ROLES[i % len(ROLES)]}\n")
    out.append("---\n\n")
    body = [f"# {name(i).replace('-', ' ').title()}\n\n", f"**Role**: {sentence(rnd, 18)}\n\n",
            "**Expertise**: " + ", ".join(rnd.choice(WORDS) for _ in range(8)) + "\n\n",
            "## Responsibilities\n\n"]
    for _ in range(6 + rnd.randrange(5)):
        body.append(f"- **{rnd.choice(WORDS).capitalize()}**: {sentence(rnd, 9 + rnd.randrange(8))}\n")
    body.append("\n## Workflow\n\n")
    for k in range(1, 6 + rnd.randrange(4)):
        body.append(f"{k}. {sentence(rnd, 12 + rnd.randrange(10))}\n")
    body.append("\n### Checklist\n\n```yaml\nchecks:\n")
    for _ in range(4):
        body.append(f"  - {rnd.choice(WORDS)}: \"{sentence(rnd, 6)}\"\n")
    body.append("```\n\n")
    if i % 3 != 2:  # two agents of three define protocol messages
        body.append("## Communication Protocol\n\n")
        body.append(message(rnd, i, True))
        if i % 2 == 0:
            body.append(message(rnd, i, False))
    size = sum(len(b) for b in body)
    section = 0
    while size < target:
        section += 1
        chunk = f"## Notes {section}\n\n" + " ".join(sentence(rnd, 10 + rnd.randrange(15)) for _ in range(6)) + "\n\n"
        chunk += "".join(f"- {sentence(rnd, 8 + rnd.randrange(8))}\n" for _ in range(4)) + "\n"
        body.append(chunk)
        size += len(chunk)
    return "".join(out) + "".join(body)


LIST_TOOLS_EVERY = int(os.environ.get("LIST_TOOLS_EVERY", "2"))
# The body's size in characters, drawn per agent between these: 5-20 KB by default; smaller
# bodies (BODY_MIN=2000 BODY_MAX=8000) show what the rest of an agent class costs beside its body.
BODY_MIN = int(os.environ.get("BODY_MIN", "5000"))
BODY_MAX = int(os.environ.get("BODY_MAX", "20000"))


def main():
    out_dir, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(out_dir, exist_ok=True)
    for i in range(n):
        with open(os.path.join(out_dir, name(i) + ".md"), "w", newline="\n") as f:
            f.write(agent(i))


if __name__ == "__main__":
    main()
