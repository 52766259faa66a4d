using System;
using System.Collections.Generic;

namespace AgentGen.Model
{
    /// <summary>Which of several files that declare one name counts, when they sit in nested agents folders.</summary>
    internal static class NestedAgentFolders
    {
        /// <summary>
        /// Nested agents folders: Claude Code scans every <c>.claude/agents/</c> from the working
        /// directory up to the repository root and, "when more than one of these nested directories
        /// defines the same name, uses the definition closest to the working directory"
        /// (code.claude.com/docs/en/sub-agents, "Choose the subagent scope", v2.1.178+). The project
        /// folder plays the working directory: of the files that declare one name, only those whose
        /// folder shares the most leading folders with the project folder stay; the farther ones are
        /// shadowed, silently as in Claude Code (not generated, no AGEN006). Files equally close (one
        /// agents tree) still meet AGEN006.
        /// </summary>
        internal static List<PlanFile> DropShadowed(List<PlanFile> files, string projectDir)
        {
            var closest = new Dictionary<string, int>(StringComparer.Ordinal);
            var closeness = new int[files.Count];
            bool shadowing = false;
            for (int i = 0; i < files.Count; i++)
            {
                if (files[i].Name is not { } name)
                {
                    continue;
                }

                closeness[i] = SharedFolders(files[i].Path, projectDir);
                if (!closest.TryGetValue(name, out int best))
                {
                    closest[name] = closeness[i];
                }
                else if (best != closeness[i])
                {
                    shadowing = true;
                    closest[name] = Math.Max(best, closeness[i]);
                }
            }

            if (!shadowing)
            {
                return files;
            }

            var kept = new List<PlanFile>(files.Count);
            for (int i = 0; i < files.Count; i++)
            {
                if (files[i].Name is not { } name || closeness[i] == closest[name])
                {
                    kept.Add(files[i]);
                }
            }

            return kept;
        }

        /// <summary>How many leading folders the file's folder shares with <paramref name="projectDir"/> ('/' and '\\' alike, "." and ".." resolved; case ignored, for drive letters).</summary>
        internal static int SharedFolders(string filePath, string projectDir)
        {
            List<string> file = Segments(filePath);
            List<string> project = Segments(projectDir);
            int shared = 0;
            int folders = Math.Min(file.Count - 1, project.Count); // the file's last segment is its name
            while (shared < folders && string.Equals(file[shared], project[shared], StringComparison.OrdinalIgnoreCase))
            {
                shared++;
            }

            return shared;
        }

        private static List<string> Segments(string path)
        {
            var segments = new List<string>();
            string[] parts = path.Replace('\\', '/').Split('/');
            for (int i = 0; i < parts.Length; i++)
            {
                string part = parts[i];
                if (i > 0 && (part.Length == 0 || part == "."))
                {
                    continue; // "a//b", "a/./b", a trailing '/'
                }

                if (part == ".." && segments.Count > 1)
                {
                    segments.RemoveAt(segments.Count - 1);
                    continue;
                }

                segments.Add(part);
            }

            return segments;
        }
    }
}
