package dev.perfgate.core.engine.eventloop;

import dev.perfgate.core.engine.RunMeasurements;
import dev.perfgate.core.result.GeneratorResult;

/**
 * What an {@link EventLoopDriver} run measured, and how it ran.
 *
 * @param measurements the figures, as {@code LoadEngine} returns them
 * @param transport    the transport the event loops used
 * @param eventLoops   the event-loop threads that drove the connections
 * @param generator    what the driver's own process cost in the measured phase, or {@code null} when the JVM cannot tell
 */
public record EventLoopRun(RunMeasurements measurements, Transport transport, int eventLoops, GeneratorResult generator) {
}
