/**
 * The event-loop driver behind the command line: one request, encoded once, sent as fast as the machine
 * allows (or at a constant rate, as wrk2 paces it) over keep-alive connections on Netty event loops, with
 * native epoll where Linux has it.
 */
package dev.perfgate.core.engine.eventloop;
