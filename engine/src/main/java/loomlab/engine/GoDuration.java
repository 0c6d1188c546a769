package loomlab.engine;

/** Go's {@code time.Duration.String()}: {@code 1h2m3.5s}, {@code 1.5s}, {@code 300ms}, {@code 2µs}, {@code 0s}. */
final class GoDuration {
    private GoDuration() {
    }

    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        boolean negative = nanos < 0;
        long u = Math.abs(nanos);
        StringBuilder sb = new StringBuilder();
        if (u < 1_000_000_000L) {
            if (u < 1_000) {
                sb.append(u).append("ns");
            } else if (u < 1_000_000) {
                sb.append(fraction(u, 1_000)).append("µs");
            } else {
                sb.append(fraction(u, 1_000_000)).append("ms");
            }
        } else {
            long hours = u / 3_600_000_000_000L;
            long minutes = u / 60_000_000_000L % 60;
            long secNanos = u % 60_000_000_000L;
            if (hours > 0) {
                sb.append(hours).append('h');
            }
            if (hours > 0 || minutes > 0) {
                sb.append(minutes).append('m');
            }
            sb.append(fraction(secNanos, 1_000_000_000L)).append('s');
        }
        return negative ? "-" + sb : sb.toString();
    }

    /** {@code value / unit} with the fraction's trailing zeros dropped, as Go prints it. */
    private static String fraction(long value, long unit) {
        long whole = value / unit;
        long frac = value % unit;
        if (frac == 0) {
            return Long.toString(whole);
        }
        String digits = Long.toString(unit + frac).substring(1).replaceFirst("0+$", "");
        return whole + "." + digits;
    }
}
