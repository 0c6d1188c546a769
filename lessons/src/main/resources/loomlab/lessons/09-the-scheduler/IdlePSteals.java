import static loomlab.engine.Go.*;

import loomlab.engine.WaitGroup;

/** Two Ps: the idle one's M steals from the busy one's queue, and the work runs in parallel. */
public class IdlePSteals {
    public static void main(String[] args) {
        int[] found = new int[4];
        WaitGroup wg = new WaitGroup();
        for (int w = 0; w < 4; w++) {
            int id = w;
            wg.add(1);
            go("worker-" + id, () -> {
                found[id] = countPrimes(id * 250_000, (id + 1) * 250_000); // CPU work, no switch point
                wg.done();
            });
        }
        wg.await();
        println("primes below 1,000,000:", found[0] + found[1] + found[2] + found[3]);
    }

    static int countPrimes(int from, int to) {
        int count = 0;
        for (int n = Math.max(from, 2); n < to; n++) {
            boolean prime = true;
            for (int d = 2; (long) d * d <= n && prime; d++) {
                prime = n % d != 0;
            }
            count += prime ? 1 : 0;
        }
        return count;
    }
}
