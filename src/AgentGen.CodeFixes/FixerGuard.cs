using System;
using System.Threading.Tasks;
using AgentGen.Generator;

namespace AgentGen.CodeFixes
{
    /// <summary>The one guard around every fixer's entry point: a fixer never throws into the IDE (docs/robustness.md, "Code fixes").</summary>
    internal static class FixerGuard
    {
        /// <summary>
        /// Runs <paramref name="register"/>; a fixer that cannot fix offers nothing: an exception here
        /// would reach the IDE (an info bar, the light bulb gone for every fix). Cancellation still propagates.
        /// </summary>
        public static async Task RegisterOrOfferNothingAsync(string? filePath, Func<Task> register)
        {
            try
            {
                PipelineFaults.At(PipelineFaults.CodeFix, filePath ?? string.Empty);
                await register().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nothing to offer, and no diagnostic can be reported from here: the analyzers
                // report the file's problems (AGEN099 for their own failures).
                _ = ex;
            }
        }
    }
}
