package dev.perfgate.core.scenario;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Positive integer weights, and the two ways a mix turns them into choices: a fixed repeating order
 * (smooth weighted round robin, for assigning users to types) and a random draw (for tasks).
 * Immutable and thread-safe.
 */
final class Weights {

    private final int[] weights;
    private final long[] cumulative;
    private final int[] order;

    /**
     * @param weights one per choice, each at least 1
     * @param what    what is weighted, for the error message, e.g. {@code "user type 'admin'"}
     */
    Weights(int[] weights, String[] what) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("no weights given");
        }
        long total = 0;
        cumulative = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 1) {
                throw new IllegalArgumentException(what[i] + ": weight " + weights[i] + " must be 1 or more, e.g. 10");
            }
            total += weights[i];
            cumulative[i] = total;
        }
        this.weights = weights.clone();
        this.order = smoothRoundRobin(reduced(weights));
    }

    /** How many choices there are. */
    int size() {
        return weights.length;
    }

    /**
     * The choice for the {@code n}-th pick (0-based) of the fixed order: within every run of
     * {@link #period()} consecutive picks each choice comes exactly its weight (reduced by the weights'
     * greatest common divisor) times, spread evenly rather than in blocks.
     */
    int inOrder(long n) {
        return order[(int) Math.floorMod(n, (long) order.length)];
    }

    /** The length of the fixed order: the sum of the weights divided by their greatest common divisor. */
    int period() {
        return order.length;
    }

    /** A choice drawn from {@code random} with probability proportional to its weight. */
    int draw(SplittableRandom random) {
        long pick = random.nextLong(cumulative[cumulative.length - 1]);
        int index = Arrays.binarySearch(cumulative, pick + 1);
        return index >= 0 ? index : -index - 1;
    }

    /**
     * Smooth weighted round robin (as in nginx's upstream balancer): at each pick every choice gains its
     * weight, the one with the most is picked and loses the total. Over one period of {@code sum(weights)}
     * picks each choice is picked exactly its weight times.
     */
    private static int[] smoothRoundRobin(int[] weights) {
        int total = Arrays.stream(weights).sum();
        long[] current = new long[weights.length];
        int[] picks = new int[total];
        for (int n = 0; n < total; n++) {
            int best = 0;
            for (int i = 0; i < weights.length; i++) {
                current[i] += weights[i];
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            picks[n] = best;
        }
        return picks;
    }

    /** {@code weights} divided by their greatest common divisor, so that 50/50 repeats every 2 picks, not 100. */
    private static int[] reduced(int[] weights) {
        int gcd = 0;
        for (int weight : weights) {
            gcd = gcd(gcd, weight);
        }
        int divisor = gcd;
        return Arrays.stream(weights).map(w -> w / divisor).toArray();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
