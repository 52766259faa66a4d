using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using AgentGen.Catalog;
using AgentGen.Common;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Parsing
{
    /// <summary>
    /// One parse per agent file text, shared by the generator's parse step and
    /// <see cref="Analyzers.AgentFileAnalyzer"/> (docs/performance.md, "Analyzers").
    /// </summary>
    /// <remarks>
    /// <para>
    /// In a build the compiler runs the generator and then the analyzers over the same
    /// <c>AdditionalText</c> objects, and each hands out one <see cref="SourceText"/>: the generator
    /// keeps its text as a string (<c>SourceText.ToString()</c>, which for a file read from disk
    /// returns the one string the SourceText wraps), the analyzer has the SourceText. So results
    /// are kept by the text string's identity, which both sides reach, and also by the SourceText's
    /// identity for the analyzer: in the IDE a SourceText of an unchanged file is reused across
    /// compilations, but one backed by an editor buffer builds a new string on every
    /// <c>ToString()</c>.
    /// </para>
    /// <para>
    /// Both tables are weak (<see cref="ConditionalWeakTable{TKey, TValue}"/>): a result lives as
    /// long as its text does, so nothing outlives the compilations that hold the text. A result is
    /// reused only for the same path, known tools and dialect, everything the parser reads besides
    /// the text. Thread-safe (the analyzers run concurrently), and it never throws: if the cache
    /// itself fails, the file is parsed as if it were not there, and the parser's own guard turns
    /// a parser bug into AGEN099 at the file.
    /// </para>
    /// </remarks>
    internal static class AgentParseCache
    {
        private static Tables s_tables = new();

#if AGENTGEN_TEST_SEAMS
        /// <summary>Test build only (src/TestSeams.props): called with the path of every parse that is not served from the cache.</summary>
        internal static Action<string>? ParseHook;
#endif

        /// <summary>The parse of <paramref name="text"/> (the generator's step: it holds the text as a string).</summary>
        public static AgentParseResult GetOrParse(string path, string text, EquatableArray<string> knownTools, AgentDialect dialect)
        {
            Tables tables = s_tables;
            if (TryGet(tables.ByString, text, path, knownTools, dialect, out AgentParseResult? cached))
            {
                return cached;
            }

            AgentParseResult result = ParseNow(path, text, knownTools, dialect);
            Add(tables.ByString, text, new Entry(path, knownTools, dialect, result));
            return result;
        }

        /// <summary>The parse of <paramref name="text"/> (the analyzer's side: it holds the SourceText).</summary>
        public static AgentParseResult GetOrParse(string path, SourceText text, EquatableArray<string> knownTools, AgentDialect dialect)
        {
            Tables tables = s_tables;
            if (TryGet(tables.BySourceText, text, path, knownTools, dialect, out AgentParseResult? cached))
            {
                return cached;
            }

            // The string the generator read from this SourceText, if it did: a large file's
            // SourceText builds a new string on every ToString(), which would miss the table by string.
            string content = TextRead(tables, text) ?? text.ToString();
            if (!TryGet(tables.ByString, content, path, knownTools, dialect, out AgentParseResult? result))
            {
                result = ParseNow(path, content, knownTools, dialect);
                Add(tables.ByString, content, new Entry(path, knownTools, dialect, result));
            }

            Add(tables.BySourceText, text, new Entry(path, knownTools, dialect, result));
            return result;
        }

        /// <summary>
        /// Records the string the generator took from <paramref name="text"/>, so that the analyzer,
        /// handed the same SourceText, finds the generator's parse by that string. Needed for files of
        /// about 40 KB or more: the compiler reads them into a SourceText made of chunks (Roslyn's
        /// <c>LargeText</c>, above <c>SourceText.LargeObjectHeapLimitInChars</c>) whose
        /// <c>ToString()</c> builds a new string each time. The generator calls it only for such a
        /// text: any other returns the one string it holds, which the table by string finds.
        /// </summary>
        public static void RememberRead(SourceText text, string content)
        {
            try
            {
                Volatile.Write(ref s_tables.TextOf.GetValue(text, static _ => new StrongBox<string?>()).Value, content);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not remembered: the analyzer reads the text again and parses it again.
                _ = ex;
            }
        }

#if AGENTGEN_TEST_SEAMS
        /// <summary>
        /// Test build only: forgets every result. For benchmarks that measure a first build while
        /// reusing the same text objects from one iteration to the next (a real build reads each file anew).
        /// </summary>
        internal static void Clear() => s_tables = new Tables();
#endif

        private static AgentParseResult ParseNow(string path, string text, EquatableArray<string> knownTools, AgentDialect dialect)
        {
#if AGENTGEN_TEST_SEAMS
            Volatile.Read(ref ParseHook)?.Invoke(path);
#endif
            return AgentFileParser.Parse(path, text, knownTools, dialect);
        }

        private static string? TextRead(Tables tables, SourceText text)
        {
            try
            {
                return tables.TextOf.TryGetValue(text, out StrongBox<string?>? read) ? Volatile.Read(ref read.Value) : null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _ = ex;
                return null;
            }
        }

        private static bool TryGet<TKey>(ConditionalWeakTable<TKey, Slot> table, TKey key, string path, EquatableArray<string> knownTools, AgentDialect dialect, out AgentParseResult result)
            where TKey : class
        {
            result = null!;
            try
            {
                if (!table.TryGetValue(key, out Slot? slot))
                {
                    return false;
                }

                foreach (Entry e in Volatile.Read(ref slot.Entries))
                {
                    if (e.Dialect == dialect && string.Equals(e.Path, path, StringComparison.Ordinal) && e.KnownTools == knownTools)
                    {
                        result = e.Result;
                        return true;
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A cache that fails is no cache: parse.
                _ = ex;
            }

            return false;
        }

        private static void Add<TKey>(ConditionalWeakTable<TKey, Slot> table, TKey key, Entry entry)
            where TKey : class
        {
            try
            {
                Slot slot = table.GetValue(key, static _ => new Slot());

                // Usually one entry per text; the same text under two paths (files with equal,
                // interned content, as in tests) keeps one for each, up to a few.
                while (true)
                {
                    Entry[] current = Volatile.Read(ref slot.Entries);
                    var next = new List<Entry>(current.Length + 1) { entry };
                    foreach (Entry e in current)
                    {
                        if (next.Count < Slot.MaxEntries && !(e.Dialect == entry.Dialect && string.Equals(e.Path, entry.Path, StringComparison.Ordinal) && e.KnownTools == entry.KnownTools))
                        {
                            next.Add(e);
                        }
                    }

                    if (Interlocked.CompareExchange(ref slot.Entries, next.ToArray(), current) == current)
                    {
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not cached: the next reader parses again.
                _ = ex;
            }
        }

        private sealed class Tables
        {
            public readonly ConditionalWeakTable<string, Slot> ByString = new();
            public readonly ConditionalWeakTable<SourceText, Slot> BySourceText = new();
            public readonly ConditionalWeakTable<SourceText, StrongBox<string?>> TextOf = new();
        }

        private sealed class Slot
        {
            public const int MaxEntries = 4;

            public Entry[] Entries = Array.Empty<Entry>();
        }

        private sealed record Entry(string Path, EquatableArray<string> KnownTools, AgentDialect Dialect, AgentParseResult Result);
    }
}
