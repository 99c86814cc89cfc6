package dev.perfgate.core.engine.eventloop;

import dev.perfgate.core.engine.RunMeasurements;

/**
 * What an {@link EventLoopDriver} run measured, and how it ran.
 *
 * @param measurements the figures, as {@code LoadEngine} returns them
 * @param transport    the transport the event loops used
 * @param eventLoops   the event-loop threads that drove the connections
 */
public record EventLoopRun(RunMeasurements measurements, Transport transport, int eventLoops) {
}
