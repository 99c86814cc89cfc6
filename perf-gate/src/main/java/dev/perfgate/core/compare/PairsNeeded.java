package dev.perfgate.core.compare;

import dev.perfgate.core.stats.OneSampleT;
import dev.perfgate.core.stats.Quantiles;

/**
 * About how many pairs would let the signed-rank test detect a shift of the minimum effect with
 * 80 % power, given the spread of the pairs' differences so far: the one-sample normal formula
 * {@code ((z_alpha + z_0.8) sd / effect)^2}, times pi/3 for the rank test's efficiency on normal data,
 * plus {@code z_alpha^2 / 2} because the spread itself is estimated (Guenther's correction; without it
 * ten-odd pairs give 70 % power, not 80 %), and never fewer than the exact test needs to reach
 * {@code alpha} at all ({@code 2^-n <= alpha}).
 */
final class PairsNeeded {

    private static final double POWER_Z = 0.8416; // 80 % power

    private PairsNeeded() {
    }

    static int estimate(double[] differences, double minimumEffect, double alpha) {
        int floor = (int) Math.ceil(Math.log(1 / alpha) / Math.log(2));
        double sd = OneSampleT.standardDeviation(differences);
        if (sd == 0 || minimumEffect <= 0) {
            return floor;
        }
        double zAlpha = Quantiles.normalUpper(alpha);
        double n = Math.PI / 3 * Math.pow((zAlpha + POWER_Z) * sd / minimumEffect, 2) + zAlpha * zAlpha / 2;
        return (int) Math.max(floor, Math.min(Integer.MAX_VALUE, Math.ceil(n)));
    }
}
