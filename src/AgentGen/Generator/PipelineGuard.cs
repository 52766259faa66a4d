using System;
using System.Collections.Generic;
using System.Diagnostics;
using AgentGen.Model;

namespace AgentGen.Generator
{
    /// <summary>
    /// The guarded steps of the generator, analyzers and code fixes. <see cref="At"/> marks the start
    /// of each; it is <see cref="ConditionalAttribute">conditional</see> on AGENTGEN_TEST_SEAMS, so the
    /// shipped build (which never defines it) compiles no call to it and has no hook to set. Only the
    /// test build (src/TestSeams.props) has <c>Hook</c>, which tests
    /// (tests/AgentGen.Tests/Hostile/IsolationTests) set to a delegate that throws for their own files
    /// only, so tests running in parallel are not affected.
    /// </summary>
    internal static class PipelineFaults
    {
        // Per-file steps: the key is the agent file's path.
        public const string Parse = "parse";
        public const string PlanInput = "plan-input";

        /// <summary>Inside the collected Winners step, once for each file with an agent; the key is its path.</summary>
        public const string Names = "names";
        public const string ViewLookup = "view-lookup";
        public const string AgentSpec = "agent-spec";
        public const string MessageLookup = "message-lookup";
        public const string EmitAgent = "emit-agent";
        public const string EmitMessage = "emit-message";

        /// <summary>Inside the collected Project step, once for each file with an agent; the key is its path.</summary>
        public const string Project = "project";

        // Project-wide outputs: the key is the generated namespace.
        public const string ToolEnum = "tool-enum";
        public const string Catalog = "catalog";

        // Analyzers and code fixes: the key is the agent file's path (AgentFileAnalyzer, AgentFileCodeFixProvider)
        // or the path of the C# file (ToolUsageAnalyzer, AddToolCodeFixProvider).
        public const string AnalyzeFile = "analyze-file";
        public const string AnalyzeProject = "analyze-project";
        public const string ToolUsage = "tool-usage";
        public const string CodeFix = "code-fix";

#if AGENTGEN_TEST_SEAMS
        /// <summary>Test build only: called with (step, key) at the start of every guarded step.</summary>
        internal static volatile Action<string, string>? Hook;
#endif

        /// <summary>The start of a guarded step. Calls to it exist only in the test build.</summary>
        [Conditional("AGENTGEN_TEST_SEAMS")]
        public static void At(string step, string key)
        {
#if AGENTGEN_TEST_SEAMS
            Action<string, string>? hook = Hook;
            if (hook is not null)
            {
                hook(step, key);
            }
#endif
        }

        /// <summary>The text of an AGEN099 for a caught exception: what failed, the exception's type and (clipped, one line) message.</summary>
        public static string Describe(string what, Exception ex)
        {
            string message = ex.Message ?? string.Empty;
            if (message.Length > 300)
            {
                message = message.Substring(0, 300) + "...";
            }

            message = message.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
            return what + " failed: " + ex.GetType().FullName + ": " + message;
        }
    }

    /// <summary>
    /// The guard of the collected steps that read every file (Winners, Project): a bug that one
    /// file's data sets off leaves that file out, not the project.
    /// </summary>
    internal static class ProjectGuard
    {
        /// <summary>
        /// Runs <paramref name="build"/> over <paramref name="files"/>. Never throws: when it does,
        /// each file with an agent is tried alone, those that fail alone are left out altogether (AGEN099
        /// on each, added to <paramref name="failures"/>) and the rest is built again; if that still
        /// fails, or nothing narrows it down, every file not yet in <paramref name="failures"/> is
        /// added to it and the result is null: nothing is generated.
        /// </summary>
        public static T? Run<T>(List<PlanFile> files, string what, List<FileFailure> failures, Func<List<PlanFile>, T> build)
            where T : class
        {
            Exception first;
            try
            {
                return build(files);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                first = ex;
            }

            var culprits = new HashSet<string>(StringComparer.Ordinal);
            foreach (PlanFile f in files)
            {
                if (f.Agent is null || culprits.Contains(f.Path))
                {
                    continue;
                }

                try
                {
                    build(new List<PlanFile> { f });
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    culprits.Add(f.Path);
                    failures.Add(new FileFailure(f.Path, PipelineFaults.Describe(what, ex)));
                }
            }

            if (culprits.Count > 0)
            {
                try
                {
                    return build(files.FindAll(f => !culprits.Contains(f.Path)));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    first = ex;
                }
            }

            // The files fail only together (or nothing narrows it down): report every file, generate nothing.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (FileFailure reported in failures)
            {
                seen.Add(reported.Path);
            }

            foreach (PlanFile f in files)
            {
                if (seen.Add(f.Path))
                {
                    failures.Add(new FileFailure(f.Path, PipelineFaults.Describe(what, first)));
                }
            }

            return null;
        }
    }

    /// <summary>
    /// A failure caught in a pipeline step, reported as AGEN099 at the start of the file. Equatable,
    /// so a model that carries one stays cached like any other.
    /// </summary>
    internal sealed record FileFailure(string Path, string Message);

    /// <summary>
    /// The AgentSpecs step's result for one file: the agent's spec, or the failure that replaced it
    /// and the class name the catalog must then leave out (empty when the file has no model).
    /// </summary>
    internal sealed record AgentOutput(string Path, AgentSpec? Spec, FileFailure? Failure, string FailedClassName = "")
    {
        public static AgentOutput Failed(string path, AgentFileModel? model, string what, Exception ex)
            => new(path, null, new FileFailure(path, PipelineFaults.Describe(what, ex)), ClassNameOf(model));

        private static string ClassNameOf(AgentFileModel? model)
        {
            try
            {
                return model?.ClassName ?? string.Empty;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The failure being reported may be this very computation: the catalog then has
                // no class name to leave out, and its own guard reports if it fails too.
                _ = ex;
                return string.Empty;
            }
        }
    }

    /// <summary>
    /// One agent class as generated text, or the failure that replaced it. Emitted in a step rather
    /// than in the source output, so that the catalog knows which classes exist.
    /// </summary>
    internal sealed record GeneratedAgent(string Path, string ClassName, string HintName, string? Text, FileFailure? Failure)
    {
        public static GeneratedAgent From(AgentOutput output)
        {
            if (output.Spec is not { } spec)
            {
                return new GeneratedAgent(output.Path, output.FailedClassName, string.Empty, null, output.Failure);
            }

            try
            {
                PipelineFaults.At(PipelineFaults.EmitAgent, output.Path);
                return new GeneratedAgent(output.Path, spec.ClassName, spec.HintName, Emit.AgentEmitter.Emit(spec), null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new GeneratedAgent(output.Path, spec.ClassName, spec.HintName, null, new FileFailure(output.Path, PipelineFaults.Describe("generating " + spec.HintName, ex)));
            }
        }
    }

    /// <summary>The MessageSpecs step's result for one record file: its spec, or the failure that replaced the file's records.</summary>
    internal sealed record MessageOutput(string Path, MessageSpec? Spec, FileFailure? Failure);
}
