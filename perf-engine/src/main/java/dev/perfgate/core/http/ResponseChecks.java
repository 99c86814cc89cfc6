package dev.perfgate.core.http;

import java.util.List;

/** Applies a request's {@link Check}s to its response, for the {@link Http} implementations. */
final class ResponseChecks {

    private ResponseChecks() {
    }

    /**
     * {@code response} judged by {@code checks}: a status check, when there is one, replaces the
     * 4xx/5xx rule; the others run on responses whose status passed. The first failing check makes it a
     * {@link ErrorKind#CHECK} error whose {@link Response#failure()} names {@code operation} and the check.
     */
    static Response apply(String operation, List<Check> checks, Response response) {
        if (checks.isEmpty()) {
            return response;
        }
        Response judged = response;
        for (Check check : checks) {
            if (check instanceof Check.StatusCheck status) {
                String why = status.failure(response);
                if (why != null) {
                    return response.failedCheck(describe(operation, why));
                }
                judged = new Response(response.status(), response.body(), null, response.headers());
            }
        }
        if (judged.error() != null) {
            return judged;
        }
        for (Check check : checks) {
            String why = check instanceof Check.StatusCheck ? null : check.failure(judged);
            if (why != null) {
                return judged.failedCheck(describe(operation, why));
            }
        }
        return judged;
    }

    private static String describe(String operation, String why) {
        return "check failed on '" + operation + "': " + why;
    }
}
