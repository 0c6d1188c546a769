package loomlab.engine;

/**
 * The receive side of a channel, Go's {@code <-chan T}. Iterating over it is Go's
 * {@code for v := range ch}: the loop ends once the channel is closed and drained.
 */
public sealed interface RecvChan<T> extends Iterable<T> permits Chan {
    /** Go's {@code v := <-ch}: blocks until a value arrives; null once closed and drained. */
    T recv();

    /** Go's {@code v, ok := <-ch}: ok is false only when the channel is closed and drained. */
    Received<T> recvOk();

    /** Go's {@code len(ch)}. */
    int len();

    /** Go's {@code cap(ch)}. */
    int cap();
}
