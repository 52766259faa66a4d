using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using AgentGen.Parsing;

namespace AgentGen.Tests.Parsing
{
    public class MarkdownFencesTests
    {
        private static List<FencedBlock> Scan(string text) => MarkdownFences.Scan(text, 0, text.Length);

        private static string Content(string text, FencedBlock block) =>
            text.Substring(block.ContentStart, block.ContentEnd - block.ContentStart);

        [Fact]
        public void BacktickFence_WithInfo()
        {
            const string text = "# Title\n\n```json\n{\"a\": 1}\n```\nafter\n";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal("json", b.Info);
            Assert.Equal(9, b.FenceStart);
            Assert.Equal(12, b.InfoStart);
            Assert.Equal("json", text.Substring(b.InfoStart, 4));
            Assert.Equal(17, b.ContentStart);
            Assert.Equal(26, b.ContentEnd);
            Assert.Equal("{\"a\": 1}\n", Content(text, b));
            Assert.True(b.Closed);
        }

        [Fact]
        public void TildeFence()
        {
            const string text = "~~~yaml\na: 1\nb: 2\n~~~";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal("yaml", b.Info);
            Assert.Equal(0, b.FenceStart);
            Assert.Equal(3, b.InfoStart);
            Assert.Equal("a: 1\nb: 2\n", Content(text, b));
            Assert.True(b.Closed);
        }

        [Fact]
        public void SeveralBlocks_InOrder()
        {
            const string text = "intro\n```json\n1\n```\ntext\n~~~ yaml\nx: y\n~~~\n```\nplain\n```\n";
            List<FencedBlock> blocks = Scan(text);
            Assert.Equal(3, blocks.Count);
            Assert.Equal(new[] { "json", "yaml", "" }, blocks.Select(b => b.Info).ToArray());
            Assert.Equal("1\n", Content(text, blocks[0]));
            Assert.Equal("x: y\n", Content(text, blocks[1]));
            Assert.Equal("plain\n", Content(text, blocks[2]));
            Assert.All(blocks, b => Assert.True(b.Closed));
        }

        [Fact]
        public void EmptyBlock()
        {
            const string text = "```\n```\n";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal(string.Empty, b.Info);
            Assert.Equal(3, b.InfoStart);
            Assert.Equal(4, b.ContentStart);
            Assert.Equal(4, b.ContentEnd);
            Assert.True(b.Closed);
        }

        [Fact]
        public void FourBacktickFence_ContainsThreeBacktickLines()
        {
            const string text = "````md\n```json\n{}\n```\n````\n";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal("md", b.Info);
            Assert.Equal("```json\n{}\n```\n", Content(text, b));
            Assert.True(b.Closed);
        }

        [Fact]
        public void TildeFence_ContainsBacktickFences()
        {
            const string text = "~~~\n```json\n{}\n```\n~~~\n";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal("```json\n{}\n```\n", Content(text, b));
        }

        [Fact]
        public void BacktickFence_IsNotClosedByTildes()
        {
            const string text = "```\n~~~\n```";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal("~~~\n", Content(text, b));
            Assert.True(b.Closed);
        }

        [Fact]
        public void UnclosedFence_RunsToEnd()
        {
            const string text = "```json\n{\"a\": 1}\n";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.False(b.Closed);
            Assert.Equal(8, b.ContentStart);
            Assert.Equal(text.Length, b.ContentEnd);
            Assert.Equal("{\"a\": 1}\n", Content(text, b));
        }

        [Fact]
        public void UnclosedFence_OnTheLastLine()
        {
            const string text = "x\n```json";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.False(b.Closed);
            Assert.Equal("json", b.Info);
            Assert.Equal(2, b.FenceStart);
            Assert.Equal(text.Length, b.ContentStart);
            Assert.Equal(text.Length, b.ContentEnd);
        }

        [Fact]
        public void SecondUnclosedFence_AfterAClosedOne()
        {
            const string text = "```a\n1\n```\n```b\n2\n";
            List<FencedBlock> blocks = Scan(text);
            Assert.Equal(2, blocks.Count);
            Assert.True(blocks[0].Closed);
            Assert.False(blocks[1].Closed);
            Assert.Equal("b", blocks[1].Info);
            Assert.Equal("2\n", Content(text, blocks[1]));
        }

        [Fact]
        public void CrLfLineEndings()
        {
            const string text = "a\r\n```json\r\n{}\r\n```\r\nb\r\n";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal("json", b.Info);
            Assert.Equal(3, b.FenceStart);
            Assert.Equal(6, b.InfoStart);
            Assert.Equal(12, b.ContentStart);
            Assert.Equal(16, b.ContentEnd);
            Assert.Equal("{}\r\n", Content(text, b));
            Assert.True(b.Closed);
        }

        [Fact]
        public void CrOnlyLineEndings()
        {
            const string text = "a\r```json\r{}\r```\rb";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal("json", b.Info);
            Assert.Equal(2, b.FenceStart);
            Assert.Equal("{}\r", Content(text, b));
            Assert.True(b.Closed);
        }

        [Fact]
        public void MixedLineEndings()
        {
            const string text = "```\r\nx\ry\n```\r";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal("x\ry\n", Content(text, b));
            Assert.True(b.Closed);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void IndentedUpToThreeSpaces_IsAFence(int spaces)
        {
            string indent = new string(' ', spaces);
            string text = "p\n" + indent + "```json\nx\n" + indent + "```\n";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal(2, b.FenceStart);
            Assert.Equal(2 + spaces + 3, b.InfoStart);
            Assert.Equal("x\n", Content(text, b));
            Assert.True(b.Closed);
        }

        [Fact]
        public void IndentedByFourSpacesOrATab_IsNotAFence()
        {
            Assert.Empty(Scan("    ```json\n    x\n    ```\n"));
            Assert.Empty(Scan("\t```json\nx\n"));
            Assert.Empty(Scan(" \t```\nx\n"));
        }

        [Fact]
        public void ClosingFence_IndentedByFourSpaces_IsContent()
        {
            const string text = "```\nx\n    ```\n```\n";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal("x\n    ```\n", Content(text, b));
            Assert.True(b.Closed);
        }

        [Fact]
        public void ClosingFence_MayBeIndentedDifferently()
        {
            const string text = "   ```\nx\n```\n";
            Assert.Equal("x\n", Content(text, Assert.Single(Scan(text))));

            const string text2 = "```\nx\n   ```  \t \n";
            FencedBlock b = Assert.Single(Scan(text2));
            Assert.True(b.Closed);
            Assert.Equal("x\n", Content(text2, b));
        }

        [Fact]
        public void ShorterClosingFence_DoesNotClose()
        {
            const string text = "`````\nx\n```\n````\n";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.False(b.Closed);
            Assert.Equal("x\n```\n````\n", Content(text, b));

            const string tildes = "~~~~\nx\n~~~\n~~~~\n";
            FencedBlock t = Assert.Single(Scan(tildes));
            Assert.True(t.Closed);
            Assert.Equal("x\n~~~\n", Content(tildes, t));
        }

        [Fact]
        public void LongerClosingFence_Closes()
        {
            const string text = "```\nx\n``````\nafter\n";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.True(b.Closed);
            Assert.Equal("x\n", Content(text, b));
        }

        [Fact]
        public void ClosingFence_WithTrailingText_DoesNotClose()
        {
            const string text = "```\nx\n``` json\n```\n";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal("x\n``` json\n", Content(text, b));
        }

        [Theory]
        [InlineData("```json title=x\n", "json", 3)]
        [InlineData("```   json  \n", "json", 6)]
        [InlineData("```\tjson\n", "json", 4)]
        [InlineData("~~~ yaml {.class}\n", "yaml", 4)]
        [InlineData("```c#\n", "c#", 3)]
        [InlineData("```JSON\n", "JSON", 3)]
        [InlineData("```json{x}\n", "json{x}", 3)]
        [InlineData("```\n", "", 3)]
        [InlineData("```   \n", "", 3)]
        [InlineData("  ````\n", "", 6)]
        [InlineData("~~~ a`b\n", "a`b", 4)]
        public void InfoString_FirstWord(string text, string info, int infoStart)
        {
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal(info, b.Info);
            Assert.Equal(infoStart, b.InfoStart);
            Assert.False(b.Closed);
        }

        [Theory]
        [InlineData("```json`\n")]
        [InlineData("``\nx\n``\n")]
        [InlineData("~~\nx\n~~\n")]
        [InlineData("`~~\n")]
        [InlineData("text ```json\n")]
        [InlineData("> ```json\n")]
        [InlineData("- ```json\n")]
        [InlineData("")]
        [InlineData("\n\r\n\r")]
        public void NotAFence(string text)
        {
            Assert.Empty(Scan(text));
        }

        [Fact]
        public void BacktickInInfo_LaterLineOpens()
        {
            // The "``` a`b" line is not an opener (inline code), so the later "```" line opens an unclosed block.
            const string text = "``` a`b\nx\n```\n";
            FencedBlock b = Assert.Single(Scan(text));
            Assert.Equal(10, b.FenceStart);
            Assert.False(b.Closed);
        }

        [Fact]
        public void SubRange_UsesAbsoluteOffsets_AndEndIsHard()
        {
            const string text = "---\nname: x\n---\n```json\n{}\n```\n";
            int bodyStart = text.IndexOf("```", StringComparison.Ordinal);
            FencedBlock b = Assert.Single(MarkdownFences.Scan(text, bodyStart, text.Length));
            Assert.Equal(bodyStart, b.FenceStart);
            Assert.Equal("{}\n", Content(text, b));

            // Cut just before the closing fence: unclosed, running to `end`.
            int closing = text.LastIndexOf("```", StringComparison.Ordinal);
            FencedBlock cut = Assert.Single(MarkdownFences.Scan(text, 0, closing + 2));
            Assert.False(cut.Closed);
            Assert.Equal(closing + 2, cut.ContentEnd);

            // A range starting mid-line treats that point as a line start.
            const string inline = "xx```js\ny\n```";
            FencedBlock mid = Assert.Single(MarkdownFences.Scan(inline, 2, inline.Length));
            Assert.Equal(2, mid.FenceStart);
            Assert.Equal("js", mid.Info);
        }

        [Fact]
        public void EmptyAndInvalidRanges_DoNotThrow()
        {
            Assert.Empty(MarkdownFences.Scan(string.Empty, 0, 0));
            Assert.Empty(MarkdownFences.Scan("```\nx\n", 3, 3));
            Assert.Empty(MarkdownFences.Scan("```\nx\n", 5, 2));
            Assert.Empty(MarkdownFences.Scan(null!, 0, 10));
            Assert.Single(MarkdownFences.Scan("```\nx\n", -5, 100));
            Assert.Empty(MarkdownFences.Scan("```", 10, 20));
        }

        [Fact]
        public void RandomInput_NeverThrows_AndBlocksAreOrdered()
        {
            var random = new Random(4242);
            const string alphabet = "``````~~~~  \t\n\r\njx";
            for (int iteration = 0; iteration < 20000; iteration++)
            {
                int length = random.Next(0, 60);
                var chars = new char[length];
                for (int i = 0; i < length; i++)
                {
                    chars[i] = alphabet[random.Next(alphabet.Length)];
                }

                string text = new string(chars);
                int start = random.Next(0, length + 1);
                int end = random.Next(start, length + 1);
                List<FencedBlock> blocks = MarkdownFences.Scan(text, start, end);
                int previousEnd = start;
                for (int i = 0; i < blocks.Count; i++)
                {
                    FencedBlock b = blocks[i];
                    Assert.True(b.FenceStart >= previousEnd);
                    Assert.True(b.FenceStart < b.InfoStart);
                    Assert.True(b.InfoStart <= b.ContentStart);
                    Assert.True(b.ContentStart <= b.ContentEnd);
                    Assert.True(b.ContentEnd <= end);
                    Assert.NotNull(b.Info);
                    Assert.True(b.Closed || i == blocks.Count - 1);
                    Assert.True(b.Closed ? b.ContentEnd < end : b.ContentEnd == end);
                    previousEnd = b.ContentEnd;
                }
            }
        }

        [Fact]
        public void LargeInput_IsLinear()
        {
            // Many fences and many long lines; a quadratic scan would take far too long.
            var sb = new StringBuilder();
            for (int i = 0; i < 50000; i++)
            {
                sb.Append("```json\n").Append('x', 20).Append("\n```\n");
            }

            sb.Append("````\n");
            for (int i = 0; i < 50000; i++)
            {
                sb.Append("```\n");
            }

            string text = sb.ToString();
            var watch = Stopwatch.StartNew();
            List<FencedBlock> blocks = Scan(text);
            watch.Stop();
            Assert.Equal(50001, blocks.Count);
            Assert.False(blocks[50000].Closed);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
        }
    }
}
