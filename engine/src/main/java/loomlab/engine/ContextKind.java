package loomlab.engine;

/** Which constructor made a context: the node types of the context tree the workbench draws. */
public enum ContextKind {
    /** {@link Context#background()}: the root; never canceled. */
    BACKGROUND("Background"),
    /** {@link Context#todo()}: a placeholder root; never canceled. */
    TODO("TODO"),
    /** {@link Context#withCancel} or {@link Context#withCancelCause}. */
    CANCEL("WithCancel"),
    /** {@link Context#withDeadline} or {@link Context#withTimeout}: canceled by its timer too. */
    DEADLINE("WithDeadline"),
    /** {@link Context#withValue}: one key and value; canceled when its parent is. */
    VALUE("WithValue"),
    /** {@link Context#withoutCancel}: keeps the parent's values, never canceled. */
    WITHOUT_CANCEL("WithoutCancel"),
    /** The hidden child that {@link Context#afterFunc} registers to run its function on cancellation. */
    AFTER_FUNC("AfterFunc");

    private final String goName;

    ContextKind(String goName) {
        this.goName = goName;
    }

    /** The name of Go's constructor, as the views label a node. */
    public String goName() {
        return goName;
    }
}
