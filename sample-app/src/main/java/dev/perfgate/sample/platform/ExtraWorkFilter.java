package dev.perfgate.sample.platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The injected slowdown of {@link Regressions#EXTRA_WORK_MICROS}: before each request is handled, its
 * thread hashes until it has spent that much more CPU time (before: Spring flushes the response as it
 * writes it, so work after the handler would not delay the answer). CPU time, not wall time, so that the extra
 * work behaves like code a change added: on a busy machine it takes longer, as the rest of the request does.
 * With {@link Regressions#EXTRA_WORK_PATH} set, only the requests under that path do it.
 */
@Component
public class ExtraWorkFilter extends OncePerRequestFilter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final byte[] WORK = "perfgate extra work".getBytes(StandardCharsets.UTF_8);

    private final long extraNanos;
    private final String pathPrefix;

    public ExtraWorkFilter(Regressions regressions) {
        this.extraNanos = regressions.extraWorkMicros() * 1_000;
        this.pathPrefix = regressions.extraWorkPath();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (extraNanos > 0 && request.getRequestURI().startsWith(pathPrefix)) {
            work(extraNanos);
        }
        chain.doFilter(request, response);
    }

    /** Hashes in rounds of a few microseconds until the current thread has used {@code nanos} more CPU time. */
    static byte[] work(long nanos) {
        long until = THREADS.getCurrentThreadCpuTime() + nanos;
        byte[] digest = WORK;
        MessageDigest sha = sha256();
        do {
            for (int i = 0; i < 4; i++) {
                digest = sha.digest(digest);
            }
        } while (THREADS.getCurrentThreadCpuTime() < until);
        return digest;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
