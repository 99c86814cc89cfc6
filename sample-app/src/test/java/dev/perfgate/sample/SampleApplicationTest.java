package dev.perfgate.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service over real HTTP, in this JVM (the load suites run its container). The language model is
 * unreachable here ({@code llm.url} points at a closed port), so chat answers its fallback.
 */
class SampleApplicationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "llm.url=http://127.0.0.1:9",
            "database.port=19092" })
    class AsShipped {

        @LocalServerPort
        int port;

        @Test
        void healthAnswersUp() throws Exception {
            assertThat(get(port, "/health").body()).isEqualTo("{\"status\":\"UP\"}");
        }

        @Test
        void logsFoodWithItsCalories() throws Exception {
            HttpResponse<String> response = post(port, "/api/v1/food", "{\"user_id\":3,\"food_name\":\"banana 17\",\"quantity\":200}");
            assertThat(response.statusCode()).isEqualTo(201);
            // Banana 17 is seeded with 20 + (17 * 13) % 500 = 241 kcal per 100 g.
            assertThat(response.body()).contains("\"food_name\":\"Banana 17\"", "\"kcal\":482.00", "\"xp_earned\":10");
        }

        @Test
        void refusesBadInputNamingTheField() throws Exception {
            HttpResponse<String> unknown = post(port, "/api/v1/food", "{\"user_id\":3,\"food_name\":\"unobtainium\",\"quantity\":1}");
            assertThat(unknown.statusCode()).isEqualTo(404);
            HttpResponse<String> noQuantity = post(port, "/api/v1/food", "{\"user_id\":3,\"food_name\":\"apple 8\"}");
            assertThat(noQuantity.statusCode()).isEqualTo(400);
            assertThat(noQuantity.body()).contains("quantity must be");
            HttpResponse<String> noUser = get(port, "/api/v1/reminders");
            assertThat(noUser.statusCode()).isEqualTo(400);
            assertThat(noUser.body()).contains("user_id must be");
        }

        @Test
        void listsTheNextRemindersSoonestFirst() throws Exception {
            String body = get(port, "/api/v1/reminders?user_id=5").body();
            assertThat(body).startsWith("{\"user_id\":5,\"reminders\":[{\"id\":").contains("\"habit\":\"habit-");
        }

        @Test
        void ranksTheUserOnTheLeaderboard() throws Exception {
            String body = get(port, "/api/v1/gamification/xp?user_id=5").body();
            assertThat(body).contains("\"user_id\":5,", "\"rank\":", "\"ranked_users\":1000", "\"top\":[{\"user_id\":");
        }

        @Test
        void chatDegradesToAFallbackWhenTheModelIsUnreachable() throws Exception {
            HttpResponse<String> response = post(port, "/api/v1/chat", "{\"user_id\":5,\"message\":\"hello\"}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"degraded\":true");
        }
    }

    /** Every regression switch on: slower, but the same answers. A database server of its own: the contexts live side by side. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "llm.url=http://127.0.0.1:9",
            "database.port=19093", "database.name=regressed",
            "REGRESSION_CACHE_DISABLED=true", "REGRESSION_INDEX_DROPPED=true", "REGRESSION_N_PLUS_ONE=true",
            "REGRESSION_SLOW_SERIALIZATION=true", "REGRESSION_SYNCHRONIZED_LLM=true" })
    class WithEveryRegression {

        @LocalServerPort
        int port;

        @Test
        void answersAsTheShippedServiceDoes() throws Exception {
            assertThat(post(port, "/api/v1/food", "{\"user_id\":3,\"food_name\":\"Banana 17\",\"quantity\":200}").body())
                    .contains("\"kcal\":482.00");
            assertThat(get(port, "/api/v1/reminders?user_id=5").body()).startsWith("{\"user_id\":5,\"reminders\":[{\"id\":")
                    .contains("\"habit\":\"habit-");
            assertThat(get(port, "/api/v1/gamification/xp?user_id=5").body())
                    .contains("\"user_id\":5,", "\"ranked_users\":1000", "\"top\":[{\"user_id\":");
            assertThat(post(port, "/api/v1/chat", "{\"user_id\":5,\"message\":\"hello\"}").body()).contains("\"degraded\":true");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int port, String path, String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
