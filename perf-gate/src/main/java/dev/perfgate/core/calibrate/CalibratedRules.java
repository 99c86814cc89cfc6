package dev.perfgate.core.calibrate;

import dev.perfgate.core.compare.GateRules;
import dev.perfgate.core.compare.GateSettings;
import dev.perfgate.core.compare.Metric;

/**
 * Gate rules with calibrated tolerances on top: a calibrated metric is judged with its own tolerance
 * and no latency floor (its spread already covers what the floor guards against); everything else
 * keeps the rules it had. Side by side and JMH benchmarks ask for an operation's settings, not a
 * metric's, so they keep theirs too: they decide on their own repeated measurements.
 *
 * <pre>{@code
 * GateRules rules = CalibratedRules.over(configuredRules, CalibrationFile.readIfPresent(file));
 * }</pre>
 */
public final class CalibratedRules implements GateRules {

    private final GateRules base;
    private final Calibration calibration;

    private CalibratedRules(GateRules base, Calibration calibration) {
        this.base = base;
        this.calibration = calibration;
    }

    /** {@code base} with {@code calibration} on top; {@code base} itself when there is no calibration. */
    public static GateRules over(GateRules base, Calibration calibration) {
        return calibration == null || calibration.metrics().isEmpty() ? base : new CalibratedRules(base, calibration);
    }

    @Override
    public GateSettings settingsFor(String testId, String operation) {
        return base.settingsFor(testId, operation);
    }

    @Override
    public GateSettings settingsFor(String testId, String operation, Metric metric) {
        GateSettings settings = base.settingsFor(testId, operation, metric);
        return calibration.find(testId, operation, metric)
                .map(calibrated -> settings.withTolerancePercent(calibrated.tolerancePercent()).withLatencyFloorMillis(0))
                .orElse(settings);
    }

    @Override
    public boolean sizedFromNoise(String testId, String operation, Metric metric) {
        return calibration.find(testId, operation, metric).isPresent() || base.sizedFromNoise(testId, operation, metric);
    }
}
