using System;
using System.Collections.Generic;
using AgentGen.Common;
using AgentGen.Diagnostics;
using static AgentGen.Common.TextLines;

namespace AgentGen.Parsing
{
    internal static partial class AgentFileParser
    {
        /// <summary>Message-block reader: the body's ```json blocks, each read by <see cref="MessageReader"/> into a protocol message (AGEN017 for a malformed one).</summary>
        private sealed partial class Session
        {
            private void ReadMessages(int bodyStart)
            {
                if (bodyStart >= _text.Length)
                {
                    return;
                }

                List<FencedBlock> blocks = MarkdownFences.Scan(_text, bodyStart, _text.Length);
                int jsonBlocks = 0;
                foreach (FencedBlock block in blocks)
                {
                    if (!string.Equals(block.Info, "json", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (++jsonBlocks > MaxJsonBlocks)
                    {
                        Report(Descriptors.LimitExceeded, SourceSpan.FromBounds(block.FenceStart, LineEnd(_text, block.FenceStart)), string.Format(System.Globalization.CultureInfo.InvariantCulture, "The body has more than {0:N0} ```json blocks; AgentGen stops reading at this one and generates no code for the file", MaxJsonBlocks));
                        return;
                    }

                    MessageReader.Read(_text, block, _path, _messages, _diagnostics);
                }
            }
        }
    }
}
