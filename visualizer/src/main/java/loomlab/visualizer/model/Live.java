package loomlab.visualizer.model;

/**
 * One mutable object and the record it was last frozen as. Invariant: {@code frozen} is null or
 * equal to what {@link #build()} would make now; every change goes through {@link LiveTable#get} or
 * {@link LiveTable#getOrMake}, which {@link #touch()} the object, so the fold only has to remember
 * to touch what it changes without them.
 */
abstract class Live<R> {
    final long id;
    private R frozen;

    Live(long id) {
        this.id = id;
    }

    abstract R build();

    /** The object's record: the cached one if nothing changed since the last freeze. */
    final R frozen() {
        if (frozen == null) {
            frozen = build();
        }
        return frozen;
    }

    /** About to change: forget the cached record. */
    final void touch() {
        frozen = null;
    }

    /** Just thawed from {@code record}, which is what {@link #build()} would make. */
    final void seed(R record) {
        frozen = record;
    }
}
