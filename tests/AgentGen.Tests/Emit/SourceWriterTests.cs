using AgentGen.Emit;

namespace AgentGen.Tests.Emit;

/// <summary>SourceWriter reuses one StringBuilder per thread: writers must never share it.</summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void Writers_open_at_the_same_time_and_writers_closed_twice_keep_their_own_text()
    {
        var outer = new SourceWriter(64);
        outer.Line("outer 1");
        var inner = new SourceWriter(64); // opened while outer is open: must get a builder of its own
        inner.Line("inner");
        outer.Line("outer 2");
        string innerText = inner.CloseFile(); // its builder goes back to the cache
        var next = new SourceWriter(64);      // takes the cached builder
        next.Line("next");
        Assert.Equal("outer 1\nouter 2\n", outer.CloseFile());
        Assert.Equal("inner\n", innerText);
        Assert.Equal("inner\n", inner.CloseFile()); // closed twice: the same text, nothing of "next"
        Assert.Equal("next\n", next.CloseFile());
        Assert.Equal("outer 1\nouter 2\n", outer.CloseFile());
    }

    [Fact]
    public void A_writer_left_open_by_an_exception_does_not_disturb_the_next()
    {
        var broken = new SourceWriter(64);
        broken.Line("half a file");
        // An emitter that throws here never closes its writer; the next file starts clean.
        var next = new SourceWriter(64);
        next.Line("whole file");
        Assert.Equal("whole file\n", next.CloseFile());
        var after = new SourceWriter(64);
        Assert.Equal(string.Empty, after.CloseFile());
    }
}
