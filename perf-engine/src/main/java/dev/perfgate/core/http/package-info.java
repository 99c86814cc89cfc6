/**
 * What a virtual user sends: {@code Http}, {@code Request}, {@code Response} and {@code Check}, timed and
 * recorded per operation, over a transport per run ({@code JdkTransport} or a connection per user,
 * {@code SocketTransport}). {@code LoopbackTarget} keeps load on this machine unless a host is named, and
 * {@code Redaction} keeps credentials out of everything printed or stored.
 *
 * <pre>{@code
 * http.request("create", "POST", "/api/orders").json("{\"item\":42}").check(Check.status(201)).send();
 * }</pre>
 */
package dev.perfgate.core.http;
