package dev.perfgate.junit;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import dev.perfgate.core.result.GeneratorResult;

/**
 * How much of the machine the load generator may use in the measured phase before perfgate warns that it
 * competed with the application: {@value #DEFAULT_CORES} of a core unless {@code -D}{@value #PROPERTY} says
 * otherwise. On a CI machine of two cores, half a core is a quarter of the machine taken from the application.
 *
 * <pre>{@code
 * GeneratorLimit.exceededBy(result.generator()).ifPresent(Console::warn);
 * }</pre>
 */
final class GeneratorLimit {

    /** The system property that sets the limit, in cores, e.g. {@code -Dperfgate.generatorCoresLimit=1}. */
    static final String PROPERTY = "perfgate.generatorCoresLimit";
    static final double DEFAULT_CORES = 0.5;

    private GeneratorLimit() {
    }

    /** The warning when {@code cost} is over the limit, else empty. */
    static Optional<String> exceededBy(GeneratorResult cost) {
        double limit = limit();
        if (cost.coresUsed() <= limit) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the load generator used %.2f cores while it measured, more than %s"
                + " (-D%s): it competed with the application for the machine, so its figures carry that noise; lower the load,"
                + " make the scenario cheaper, or raise the limit if the machine has cores to spare", cost.coresUsed(),
                plain(limit), PROPERTY));
    }

    private static double limit() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_CORES;
        }
        try {
            double cores = Double.parseDouble(value.trim());
            if (cores > 0) {
                return cores;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ExtensionConfigurationException("system property " + PROPERTY + ": '" + value
                + "' is not a number of cores above 0, e.g. -D" + PROPERTY + "=0.5");
    }

    private static String plain(double cores) {
        return BigDecimal.valueOf(cores).stripTrailingZeros().toPlainString();
    }
}
