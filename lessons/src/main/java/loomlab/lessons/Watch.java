package loomlab.lessons;

/**
 * "What to watch": a note that points at one object of the views while the example runs.
 *
 * @param target the kind of object
 * @param name   which one, as the views label it: a goroutine's name (given to {@code go(name, ...)}),
 *               a channel's name (given to {@code Chan.make(name, cap)}), a context's label, a P's
 *               number ({@code "P0"})
 * @param note   what to look for
 */
public record Watch(Target target, String name, Text note) {
    public enum Target { GOROUTINE, CHANNEL, CONTEXT, PROCESSOR, LOCK, TIMER, CONSOLE }
}
