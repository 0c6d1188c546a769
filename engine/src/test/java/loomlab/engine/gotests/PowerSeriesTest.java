package loomlab.engine.gotests;

import static loomlab.engine.Go.go;
import static loomlab.engine.Select.recv;
import static loomlab.engine.Select.select;
import static loomlab.engine.Select.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import loomlab.engine.Chan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Go's {@code test/chan/powser1.go}: Doug McIlroy's power series ("Squinting at Power
 * Series"), where a series is a demand channel pair on which exact rational coefficients flow.
 * Every operator is a goroutine; {@code split}, {@code Mul} and {@code Exp} grow unbounded trees
 * of goroutines and use selects over nil-able channels, so this is a heavy pipeline and fan-out
 * test. Each test makes the original's checks on ten terms (Ones, Add, Diff, Integ, Cmul, Sub,
 * Mul, Exp, ATan). The original checks {@code Add} and {@code Sub} on zero terms (a no-op); here
 * they are checked on ten.
 */
@Timeout(60)
class PowerSeriesTest {
    private static final int N = 10;

    /** An exact rational; a zero denominator marks the end of a series ({@code finis}). */
    record Rat(long num, long den) {
        static final Rat ZERO = itor(0);
        static final Rat ONE = itor(1);
        static final Rat FINIS = i2tor(1, 0);

        static long gcd(long u, long v) {
            if (u < 0) {
                return gcd(-u, v);
            }
            if (u == 0) {
                return v;
            }
            return gcd(v % u, u);
        }

        static Rat i2tor(long u, long v) {
            long g = gcd(u, v);
            return v > 0 ? new Rat(u / g, v / g) : new Rat(-u / g, -v / g);
        }

        static Rat itor(long u) {
            return i2tor(u, 1);
        }

        boolean end() {
            return den == 0;
        }

        Rat add(Rat v) {
            long g = gcd(den, v.den);
            return i2tor(num * (v.den / g) + v.num * (den / g), den * (v.den / g));
        }

        Rat mul(Rat v) {
            long g1 = gcd(num, v.den);
            long g2 = gcd(den, v.num);
            return new Rat((num / g1) * (v.num / g2), (den / g2) * (v.den / g1));
        }

        Rat neg() {
            return i2tor(-num, den);
        }

        @Override
        public String toString() {
            return den == 1 ? Long.toString(num) : num + "/" + den;
        }
    }

    /** A demand channel: a request on {@code req} is answered by one coefficient on {@code dat}. */
    record Dch(Chan<Integer> req, Chan<Rat> dat) {
        static Dch make() {
            return new Dch(Chan.make(), Chan.make());
        }
    }

    /** The power-series operators of one run; each returns a series fed by new goroutines. */
    static final class Series {
        /** Go's racy global {@code seqno}: the request numbers, whose values nobody checks. */
        private final AtomicInteger seqno = new AtomicInteger();
        final Dch ones = rep(Rat.ONE);
        final Dch twos = rep(Rat.itor(2));

        // split reads one demand channel and replicates it onto two, read at different rates.
        // Each generation of dosplit serves one item: the newest serves out[0]; the oldest
        // serves out[1], and tells the next generation through `wait` when it has done so.
        private void dosplit(Dch in, Dch[] out, Chan<Integer> wait) {
            boolean[] both = {false};
            select(
                    recv(out[0].req()),
                    recv(wait, () -> {
                        both[0] = true;
                        select(
                                recv(out[0].req()),
                                recv(out[1].req(), () -> {
                                    Dch t = out[0];
                                    out[0] = out[1];
                                    out[1] = t;
                                }));
                    }));
            in.req().send(seqno.incrementAndGet());
            Chan<Integer> release = Chan.make();
            go(() -> dosplit(in, out, release));
            Rat dat = in.dat().recv();
            out[0].dat().send(dat);
            if (!both[0]) {
                wait.recv();
            }
            out[1].req().recv();
            out[1].dat().send(dat);
            release.send(0);
        }

        private void split(Dch in, Dch[] out) {
            Chan<Integer> release = Chan.make();
            go(() -> dosplit(in, out, release));
            release.send(0);
        }

        private static void put(Rat dat, Dch out) {
            out.req().recv();
            out.dat().send(dat);
        }

        Rat get(Dch in) {
            in.req().send(seqno.incrementAndGet());
            return in.dat().recv();
        }

        /** One item from each of two demand channels, requested and received in any order. */
        private Rat[] get2(Dch in0, Dch in1) {
            Dch[] in = {in0, in1};
            List<Chan<Integer>> req = new ArrayList<>(List.of(in0.req(), in1.req()));
            List<Chan<Rat>> dat = new ArrayList<>(List.of(Chan.<Rat>nil(), Chan.<Rat>nil()));
            Rat[] out = new Rat[2];
            for (int n = 4; n > 0; n--) {
                int s = seqno.incrementAndGet();
                select(
                        send(req.get(0), s, () -> {
                            dat.set(0, in[0].dat());
                            req.set(0, Chan.nil());
                        }),
                        send(req.get(1), s, () -> {
                            dat.set(1, in[1].dat());
                            req.set(1, Chan.nil());
                        }),
                        recv(dat.get(0), it -> {
                            out[0] = it;
                            dat.set(0, Chan.nil());
                        }),
                        recv(dat.get(1), it -> {
                            out[1] = it;
                            dat.set(1, Chan.nil());
                        }));
            }
            return out;
        }

        private void copy(Dch in, Dch out) {
            for (;;) {
                out.req().recv();
                out.dat().send(get(in));
            }
        }

        private Dch rep(Rat c) {
            Dch z = Dch.make();
            go(() -> {
                for (;;) {
                    put(c, z);
                }
            });
            return z;
        }

        Dch[] splitOf(Dch u) {
            Dch[] uu = {Dch.make(), Dch.make()};
            go(() -> split(u, uu));
            return uu;
        }

        Dch add(Dch u, Dch v) {
            Dch z = Dch.make();
            go(() -> {
                for (;;) {
                    z.req().recv();
                    Rat[] uv = get2(u, v);
                    int ends = (uv[0].end() ? 1 : 0) + 2 * (uv[1].end() ? 1 : 0);
                    switch (ends) {
                        case 0 -> z.dat().send(uv[0].add(uv[1]));
                        case 1 -> {
                            z.dat().send(uv[1]);
                            copy(v, z);
                        }
                        case 2 -> {
                            z.dat().send(uv[0]);
                            copy(u, z);
                        }
                        default -> z.dat().send(Rat.FINIS);
                    }
                }
            });
            return z;
        }

        Dch cmul(Rat c, Dch u) {
            Dch z = Dch.make();
            go(() -> {
                for (;;) {
                    z.req().recv();
                    Rat r = get(u);
                    if (r.end()) {
                        break;
                    }
                    z.dat().send(c.mul(r));
                }
                z.dat().send(Rat.FINIS);
            });
            return z;
        }

        Dch sub(Dch u, Dch v) {
            return add(u, cmul(Rat.ONE.neg(), v));
        }

        /** UV = u*v + x*(u*VV + v*UU) + x*x*UU*VV, where U = u + x*UU and V = v + x*VV. */
        Dch mul(Dch u, Dch v) {
            Dch z = Dch.make();
            go(() -> {
                z.req().recv();
                Rat[] uv = get2(u, v);
                if (uv[0].end() || uv[1].end()) {
                    z.dat().send(Rat.FINIS);
                } else {
                    z.dat().send(uv[0].mul(uv[1]));
                    Dch[] uu = splitOf(u);
                    Dch[] vv = splitOf(v);
                    Dch w = add(cmul(uv[0], vv[0]), cmul(uv[1], uu[0]));
                    z.req().recv();
                    z.dat().send(get(w));
                    copy(add(w, mul(uu[1], vv[1])), z);
                }
            });
            return z;
        }

        Dch diff(Dch u) {
            Dch z = Dch.make();
            go(() -> {
                z.req().recv();
                Rat r = get(u);
                if (!r.end()) {
                    for (int i = 1; ; i++) {
                        r = get(u);
                        if (r.end()) {
                            break;
                        }
                        z.dat().send(Rat.itor(i).mul(r));
                        z.req().recv();
                    }
                }
                z.dat().send(Rat.FINIS);
            });
            return z;
        }

        /** Integral, with constant of integration {@code c}. */
        Dch integ(Rat c, Dch u) {
            Dch z = Dch.make();
            go(() -> {
                put(c, z);
                boolean done = false;
                for (int i = 1; !done; i++) {
                    z.req().recv();
                    Rat r = get(u);
                    if (r.end()) {
                        done = true;
                    }
                    z.dat().send(Rat.i2tor(1, i).mul(r));
                }
                z.dat().send(Rat.FINIS);
            });
            return z;
        }

        /** Z = exp(U), from DZ = Z*DU integrated; U's constant term is ignored. */
        Dch exp(Dch u) {
            Dch[] zz = {Dch.make(), Dch.make()};
            split(integ(Rat.ONE, mul(zz[0], diff(u))), zz);
            return zz[1];
        }

        /** U(c0 * x^n): each coefficient u_i is multiplied by c0^i and followed by n-1 zeros. */
        Dch monSubst(Dch u, Rat c0, int n) {
            Dch z = Dch.make();
            go(() -> {
                Rat c = Rat.ONE;
                for (;;) {
                    z.req().recv();
                    Rat r = get(u);
                    z.dat().send(r.mul(c));
                    c = c.mul(c0);
                    if (r.end()) {
                        z.dat().send(Rat.FINIS);
                        break;
                    }
                    for (int i = 1; i < n; i++) {
                        z.req().recv();
                        z.dat().send(Rat.ZERO);
                    }
                }
            });
            return z;
        }

        List<Rat> take(Dch u, int count) {
            List<Rat> terms = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                terms.add(get(u));
            }
            return terms;
        }
    }

    /** Runs a program that builds a series and takes its first {@code count} coefficients. */
    private static List<Rat> firstTerms(int count, Function<Series, Dch> build) {
        List<Rat> terms = new ArrayList<>();
        GoProgram.runToExit(() -> {
            Series s = new Series();
            terms.addAll(s.take(build.apply(s), count));
        });
        return terms;
    }

    private static List<Rat> repeated(Rat r, int count) {
        return java.util.Collections.nCopies(count, r);
    }

    @Test
    @DisplayName("CH-10 powser1: Ones is 1 1 1 1 1")
    void onesRepeatsOne() {
        assertEquals(repeated(Rat.ONE, 5), firstTerms(5, s -> s.ones));
    }

    @Test
    @DisplayName("CH-10 SEL-04 powser1: Add(Ones, Ones) is 2 2 2 … and Add(Ones, Twos) is 3 3 3 …")
    void addingSeriesAddsCoefficients() {
        assertEquals(repeated(Rat.itor(2), N), firstTerms(N, s -> s.add(s.ones, s.ones)));
        assertEquals(repeated(Rat.itor(3), N), firstTerms(N, s -> s.add(s.ones, s.twos)));
    }

    @Test
    @DisplayName("CH-10 powser1: Diff(Ones) is 1 2 3 4 5 …")
    void differentiatingOnesGivesTheNaturalNumbers() {
        List<Rat> want = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            want.add(Rat.itor(i + 1));
        }
        assertEquals(want, firstTerms(N, s -> s.diff(s.ones)));
    }

    @Test
    @DisplayName("CH-10 powser1: Integ(0, Ones) is 0 1 1/2 1/3 1/4 …")
    void integratingOnesGivesTheHarmonicCoefficients() {
        List<Rat> want = new ArrayList<>(List.of(Rat.ZERO));
        for (int i = 1; i < N; i++) {
            want.add(Rat.i2tor(1, i));
        }
        assertEquals(want, firstTerms(N, s -> s.integ(Rat.ZERO, s.ones)));
    }

    @Test
    @DisplayName("CH-10 powser1: Cmul(-1, Twos) is -2 -2 -2 … and Sub(Ones, Twos) is -1 -1 -1 …")
    void scalingAndSubtractingSeries() {
        assertEquals(repeated(Rat.itor(-2), N), firstTerms(N, s -> s.cmul(Rat.ONE.neg(), s.twos)));
        assertEquals(repeated(Rat.itor(-1), N), firstTerms(N, s -> s.sub(s.ones, s.twos)));
    }

    @Test
    @DisplayName("CH-10 SEL-04 powser1: Mul(Ones, Ones) is 1 2 3 4 5 …")
    void squaringOnesGivesTheNaturalNumbers() {
        List<Rat> want = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            want.add(Rat.itor(i + 1));
        }
        assertEquals(want, firstTerms(N, s -> s.mul(s.ones, s.ones)));
    }

    @Test
    @DisplayName("CH-10 SEL-04 powser1: Exp(Ones) is 1 1 3/2 13/6 73/24 … 4596553/362880")
    void exponentialOfOnes() {
        List<Rat> want = List.of(
                Rat.itor(1), Rat.itor(1), Rat.i2tor(3, 2), Rat.i2tor(13, 6), Rat.i2tor(73, 24),
                Rat.i2tor(167, 40), Rat.i2tor(4051, 720), Rat.i2tor(37633, 5040), Rat.i2tor(43817, 4480),
                Rat.i2tor(4596553, 362880));
        assertEquals(want, firstTerms(N, s -> s.exp(s.ones)));
    }

    @Test
    @DisplayName("CH-10 powser1: ATan = Integ(0, MonSubst(Ones, -1, 2)) is 0 1 0 -1/3 0 1/5 …")
    void arctangentFromMonomialSubstitution() {
        List<Rat> want = new ArrayList<>();
        for (int c = 1, i = 0; i < N; i++) {
            if (i % 2 == 0) {
                want.add(Rat.ZERO);
            } else {
                want.add(Rat.i2tor(c, i));
                c *= -1;
            }
        }
        assertEquals(want, firstTerms(N, s -> s.integ(Rat.ZERO, s.monSubst(s.ones, Rat.ONE.neg(), 2))));
    }
}
