package loomlab.engine.runner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import loomlab.engine.Go;

/**
 * What {@code System.out} becomes while a traced program runs: text a goroutine prints goes the
 * way of {@code Go.printf}, so it reaches the run's output stream and becomes {@code Output} events
 * of that goroutine; text from any other thread goes to {@code fallback}.
 *
 * <p>Why a PrintStream of its own and not one over an OutputStream: a PrintStream holds its lock
 * while it writes to the stream below, and {@code Go.printf} is a switch point where a
 * deterministic run may park the goroutine; parking there would hold every other goroutine's
 * {@code println} behind that lock. Here nothing is locked: each call hands its text on at once.
 * Text written as bytes ({@code write}) collects per thread until a newline or {@code flush()}.
 *
 * <p>Like {@code Go.printf}, a print without a newline becomes an event of its own, so
 * {@code print("a"); println("b")} shows as two console lines in the workbench (and "ab" in a
 * terminal).
 */
final class GoroutineOutput extends PrintStream {
    private final PrintStream fallback;
    /** Bytes written by the current thread that do not yet end in a newline. */
    private final ThreadLocal<ByteArrayOutputStream> pending = ThreadLocal.withInitial(ByteArrayOutputStream::new);

    GoroutineOutput(PrintStream fallback) {
        super(fallback, false, StandardCharsets.UTF_8);
        this.fallback = fallback;
    }

    private void text(String s) {
        ByteArrayOutputStream bytes = pending.get();
        if (bytes.size() > 0) {
            s = bytes.toString(StandardCharsets.UTF_8) + s;
            bytes.reset();
        }
        if (s.isEmpty()) {
            return;
        }
        if (Go.numGoroutine() > 0) { // only inside a goroutine of a run is it positive
            Go.printf("%s", s);
        } else {
            fallback.print(s);
            fallback.flush();
        }
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        ByteArrayOutputStream bytes = pending.get();
        int lastNewline = -1;
        for (int i = off + len - 1; i >= off; i--) {
            if (buf[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline < 0) {
            bytes.write(buf, off, len);
            return;
        }
        bytes.write(buf, off, lastNewline + 1 - off);
        text("");
        bytes.write(buf, lastNewline + 1, off + len - lastNewline - 1);
    }

    @Override
    public void write(byte[] buf) {
        write(buf, 0, buf.length);
    }

    @Override
    public void writeBytes(byte[] buf) {
        write(buf, 0, buf.length);
    }

    @Override
    public void flush() {
        text("");
        fallback.flush();
    }

    /** The program may close {@code System.out}; the run's stream stays open. */
    @Override
    public void close() {
        flush();
    }

    @Override
    public boolean checkError() {
        return false;
    }

    // ---------------------------------------------------------------- print, println, format, append

    @Override
    public void print(boolean b) {
        text(String.valueOf(b));
    }

    @Override
    public void print(char c) {
        text(String.valueOf(c));
    }

    @Override
    public void print(int i) {
        text(String.valueOf(i));
    }

    @Override
    public void print(long l) {
        text(String.valueOf(l));
    }

    @Override
    public void print(float f) {
        text(String.valueOf(f));
    }

    @Override
    public void print(double d) {
        text(String.valueOf(d));
    }

    @Override
    public void print(char[] s) {
        text(new String(s));
    }

    @Override
    public void print(String s) {
        text(String.valueOf(s));
    }

    @Override
    public void print(Object obj) {
        text(String.valueOf(obj));
    }

    @Override
    public void println() {
        text("\n");
    }

    @Override
    public void println(boolean x) {
        text(x + "\n");
    }

    @Override
    public void println(char x) {
        text(x + "\n");
    }

    @Override
    public void println(int x) {
        text(x + "\n");
    }

    @Override
    public void println(long x) {
        text(x + "\n");
    }

    @Override
    public void println(float x) {
        text(x + "\n");
    }

    @Override
    public void println(double x) {
        text(x + "\n");
    }

    @Override
    public void println(char[] x) {
        text(new String(x) + "\n");
    }

    @Override
    public void println(String x) {
        text(x + "\n");
    }

    @Override
    public void println(Object x) {
        text(x + "\n");
    }

    @Override
    public PrintStream printf(String format, Object... args) {
        text(String.format(format, args));
        return this;
    }

    @Override
    public PrintStream printf(Locale l, String format, Object... args) {
        text(String.format(l, format, args));
        return this;
    }

    @Override
    public PrintStream format(String format, Object... args) {
        text(String.format(format, args));
        return this;
    }

    @Override
    public PrintStream format(Locale l, String format, Object... args) {
        text(String.format(l, format, args));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
        text(String.valueOf(csq));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        text(String.valueOf(csq == null ? "null" : csq).subSequence(start, end).toString());
        return this;
    }

    @Override
    public PrintStream append(char c) {
        text(String.valueOf(c));
        return this;
    }
}
