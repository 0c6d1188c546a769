package loomlab.engine;

/** The send side of a channel, Go's {@code chan<- T}. */
public sealed interface SendChan<T> permits Chan {
    /** Go's {@code ch <- v}: blocks until a receiver takes {@code v} or the buffer has room. */
    void send(T value);

    /** Go's {@code close(ch)}. */
    void close();

    /** Go's {@code len(ch)}: the number of values in the buffer. */
    int len();

    /** Go's {@code cap(ch)}: the size of the buffer; 0 when unbuffered. */
    int cap();
}
