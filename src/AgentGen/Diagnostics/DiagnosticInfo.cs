using System.Collections.Generic;
using AgentGen.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Diagnostics
{
    /// <summary>A diagnostic found in an agent file, before it is tied to a Location.</summary>
    internal sealed class DiagnosticInfo
    {
        public DiagnosticInfo(DiagnosticDescriptor descriptor, SourceSpan span, string[] args, IReadOnlyDictionary<string, string?>? properties = null)
        {
            Descriptor = descriptor;
            Span = span;
            Args = args;
            Properties = properties;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public SourceSpan Span { get; }

        public string[] Args { get; }

        public IReadOnlyDictionary<string, string?>? Properties { get; }

        public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

        public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), Args);

        /// <summary>Ties the diagnostic to the agent file, with line and column from its text.</summary>
        public Diagnostic ToDiagnostic(string path, SourceText text, IEnumerable<Location>? additionalLocations = null)
        {
            int start = System.Math.Max(0, System.Math.Min(Span.Start, text.Length));
            int end = System.Math.Max(start, System.Math.Min(Span.End, text.Length));
            var span = TextSpan.FromBounds(start, end);
            Location location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
            var props = Properties is null ? null : System.Collections.Immutable.ImmutableDictionary.CreateRange(Properties);
            return Diagnostic.Create(Descriptor, location, additionalLocations, props, Args);
        }
    }
}
