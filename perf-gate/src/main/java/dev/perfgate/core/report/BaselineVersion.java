package dev.perfgate.core.report;

import dev.perfgate.core.result.LoadTestResult;

/**
 * A test's baseline as one commit of the project left it: what was accepted, and when.
 *
 * @param commit     the commit that changed the baseline file
 * @param recordedAt when it was committed, ISO-8601
 * @param baseline   the baseline at that commit
 */
public record BaselineVersion(String commit, String recordedAt, LoadTestResult baseline) {

    /** The commit as people quote it, e.g. {@code 3f2a9c1}. */
    public String shortCommit() {
        return commit.substring(0, Math.min(7, commit.length()));
    }

    /** The day it was committed, e.g. {@code 2026-11-23}. */
    String day() {
        return dayOf(recordedAt);
    }

    /** The day of an ISO-8601 instant, e.g. {@code 2026-11-23} of {@code 2026-11-23T10:00:00Z}. */
    static String dayOf(String instant) {
        return instant.length() >= 10 ? instant.substring(0, 10) : instant;
    }
}
