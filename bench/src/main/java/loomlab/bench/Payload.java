package loomlab.bench;

/**
 * The messages every workload sends: Integers boxed once, up front, so that no peer allocates per
 * message and the benchmarks measure the channels, not the allocator (as in the anchor kit).
 */
final class Payload {
    private static final int MASK = 1023;
    private static final Integer[] BOXES = new Integer[MASK + 1];

    static {
        for (int i = 0; i < BOXES.length; i++) {
            BOXES[i] = i;
        }
    }

    private Payload() {
    }

    /** A pre-boxed Integer equal to {@code i mod 1024}. */
    static Integer box(int i) {
        return BOXES[i & MASK];
    }

    /** The tiny task of the worker pool: a multiply and a xor-shift, as in the anchor kit. */
    static long mix(Integer v) {
        long x = v.longValue() * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }
}
