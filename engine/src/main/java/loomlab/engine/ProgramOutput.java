package loomlab.engine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Lets a program's own {@code System.out.println} reach its run as {@code Go.println} does: each
 * line goes to the run's output and, in a traced run, becomes an {@code Output} event tagged with
 * the goroutine that printed it. The runner installs it with
 * {@code System.setOut(new PrintStream(new ProgramOutput(original), true, UTF_8))}. Text written
 * outside any run goes to {@code outside}.
 *
 * <p>Each thread collects its bytes until a newline, so lines of different goroutines never mix;
 * text after a goroutine's last newline is not shown.
 */
public final class ProgramOutput extends OutputStream {
    private final PrintStream outside;
    private final ThreadLocal<ByteArrayOutputStream> line = ThreadLocal.withInitial(ByteArrayOutputStream::new);

    public ProgramOutput(PrintStream outside) {
        this.outside = Objects.requireNonNull(outside, "outside");
    }

    @Override
    public void write(int b) {
        ByteArrayOutputStream pending = line.get();
        pending.write(b);
        if (b == '\n') {
            emit(pending);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        ByteArrayOutputStream pending = line.get();
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                pending.write(b, start, i + 1 - start);
                emit(pending);
                start = i + 1;
            }
        }
        pending.write(b, start, off + len - start);
    }

    /**
     * Keeps a partial line until its newline (a {@code PrintStream} with auto-flush flushes after
     * every {@code print}, which would cut lines in two).
     */
    @Override
    public void flush() {
        outside.flush();
    }

    private void emit(ByteArrayOutputStream pending) {
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        if (Goroutine.current() == null) {
            outside.print(text);
        } else {
            Go.printText(text);
        }
    }
}
