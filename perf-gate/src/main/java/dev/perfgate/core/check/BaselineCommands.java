package dev.perfgate.core.check;

/**
 * How a front end tells its user to record baselines: the gate's messages name the command that fixes
 * what they report, in the words of the tool the user runs.
 *
 * <pre>{@code
 * BaselineCommands maven = BaselineCommands.MAVEN;
 * maven.forTest("Shop.browse"); // "mvn perf:baseline -Dperf.tests=Shop.browse"
 * }</pre>
 */
public interface BaselineCommands {

    /** perfgate's Maven plugin: {@code mvn perf:baseline}. */
    BaselineCommands MAVEN = new BaselineCommands() {
        @Override
        public String all() {
            return "mvn perf:baseline";
        }

        @Override
        public String forTest(String testId) {
            return "mvn perf:baseline -Dperf.tests=" + testId;
        }
    };

    /** The command that records every result of this run as its test's baseline. */
    String all();

    /** The command that records the result of {@code testId} only. */
    String forTest(String testId);
}
