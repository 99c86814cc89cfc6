package dev.perfgate.junit.docs;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.core.http.WebSocket;
import dev.perfgate.junit.App;
import dev.perfgate.junit.AppUnderTest;
import dev.perfgate.junit.LoadTest;

/**
 * docs/load-test.md: the load a {@code @LoadTest} declares, closed model (users, think time, sessions,
 * stages) and open model (arrival rate, in-flight cap), WebSockets, the request timeout and the test id. Compiled,
 * not run (Docker); the same attributes run in the fixtures {@code ModelsLoad} and {@code LongLoad}.
 */
class LoadTestSnippets {

    @App
    static AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile");

    // tag::closed-model[]
    @LoadTest(users = 20, warmUp = "10s", duration = "1m", thinkTime = "~2s", iterations = 20)
    void browse(Http http, VirtualUser user) {                     // one iteration of one of the 20 users
        http.get("list", "/api/products?page=" + user.iteration());
        http.get("detail", "/api/products/" + user.id());
    }                                                               // then a pause of 2 s on average; 20 iterations per user at most
    // end::closed-model[]

    // tag::stages[]
    @LoadTest(stages = "ramp 0->20 over 10s, hold 20 for 30s, ramp 20->0 over 5s", thinkTime = "100ms")
    void rampUpAndDown(Http http) {
        http.get("list", "/api/products");
    }
    // end::stages[]

    // tag::open-model[]
    @LoadTest(arrivalRate = "50/s", warmUp = "10s", duration = "1m", maxInFlight = 100)
    void checkout(Http http) {                                      // started 50 times a second, however slow the answers
        http.post("checkout", "/api/checkout", "{\"cart\":7}");
    }

    @LoadTest(arrivalRate = "10/s..100/s", duration = "2m")          // from 10/s to 100/s over the measured phase
    void search(Http http) {
        http.get("search", "/search?q=shoes");
    }
    // end::open-model[]

    // tag::websocket[]
    @LoadTest(arrivalRate = "20/s", duration = "1m")
    void chatStream(Http http) {
        try (WebSocket chat = http.websocket("chat", "/ws/chat")) {   // "chat open": the handshake
            WebSocket.Message word = chat.exchange("{\"message\":\"hi\"}"); // "chat": until the first message back
            for (int i = 0; word.ok() && !word.text().equals("[done]") && i < 500; i++) {
                word = chat.receive();                                // "chat receive": each gap in the stream
            }
        }                                                             // closed here, or when the user ends
    }
    // end::websocket[]

    // tag::workers[]
    @LoadTest(users = 400, warmUp = "10s", duration = "1m", workers = 4)
    void searchFromFourWorkers(Http http) {
        http.get("search", "/api/search?q=shoes");
    }
    // end::workers[]

    // tag::timeout-and-id[]
    @LoadTest(users = 4, duration = "30s", requestTimeout = "2s",   // an answer slower than 2 s is a timeout error
            id = "Reports.monthly")                                 // the result file and baseline: Reports.monthly.json
    void monthlyReport(Http http) {
        http.get("report", "/api/reports/2024-05");
    }
    // end::timeout-and-id[]
}
