using System;
using System.Text.RegularExpressions;

namespace AgentGen.AI
{
    /// <summary>
    /// Claude Code's hook matcher (code.claude.com/docs/en/hooks "Matcher patterns", CC 2.1.240): <c>"*"</c>, <c>""</c>
    /// or absent match all; a matcher of only <c>[A-Za-z0-9_ ,|-]</c> is an exact name or a list separated by <c>|</c>
    /// or <c>,</c> (comma ≥2.1.191, hyphen ≥2.1.195); anything else is an unanchored JavaScript regex tested with
    /// <c>RegExp.test</c>, run here as an ECMAScript .NET regex with a timeout. A regex that does not compile matches nothing.
    /// </summary>
    internal sealed class HookMatcher
    {
        private readonly string? _matcher;
        private readonly string[]? _names;
        private readonly Regex? _regex;
        private readonly bool _all;

        public HookMatcher(string? matcher)
        {
            _matcher = matcher;
            if (string.IsNullOrEmpty(matcher) || matcher == "*")
            {
                _all = true;
                return;
            }

            if (IsNameList(matcher!))
            {
                _names = matcher!.Split(new[] { '|', ',' }, StringSplitOptions.RemoveEmptyEntries);
                for (int i = 0; i < _names.Length; i++)
                {
                    _names[i] = _names[i].Trim();
                }

                return;
            }

            try
            {
                _regex = new Regex(matcher!, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                _regex = null;
            }
        }

        public override string ToString() => _matcher ?? "*";

        public bool Matches(string name)
        {
            if (_all)
            {
                return true;
            }

            if (_names is not null)
            {
                return Array.IndexOf(_names, name) >= 0;
            }

            try
            {
                return _regex is not null && _regex.IsMatch(name);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        private static bool IsNameList(string matcher)
        {
            foreach (char c in matcher)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ' ' || c == ',' || c == '|' || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
