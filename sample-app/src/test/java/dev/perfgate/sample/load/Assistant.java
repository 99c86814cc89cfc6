package dev.perfgate.sample.load;

import dev.perfgate.core.engine.VirtualUser;
import dev.perfgate.core.http.Http;
import dev.perfgate.core.http.Response;
import dev.perfgate.core.http.WebSocket;

/**
 * The sample app's operations as a user calls them, each checked, under the operation names the gate
 * reports: {@code chat}, {@code food}, {@code reminders}, {@code xp}. A user's id picks the app's seeded
 * user (1 to 1,000) and the foods come from 200 common ones, so caches see repeat lookups as in production.
 */
final class Assistant {

    static final int SEEDED_USERS = 1_000;
    private static final String[] FOOD_KINDS = { "Apple", "Banana", "Oatmeal", "Rice", "Chicken", "Yogurt", "Lentils", "Salmon" };
    private static final int COMMON_FOODS = 200;
    /** The last message of a streamed answer (the app's {@code ChatSocket.DONE}). */
    private static final String STREAM_DONE = "[done]";
    private static final int MAX_STREAMED_WORDS = 500;

    private Assistant() {
    }

    static Response chat(Http http, VirtualUser user) {
        Response response = http.post("chat", "/api/v1/chat",
                "{\"user_id\":" + userId(user) + ",\"message\":\"I had oatmeal for breakfast, is that good?\"}");
        expect(response, "\"reply\":");
        return response;
    }

    /** A power user's question: a few sentences of context, as a longer prompt to the model. */
    static Response longChat(Http http, VirtualUser user) {
        Response response = http.post("chat", "/api/v1/chat", "{\"user_id\":" + userId(user) + ",\"message\":\""
                + "Yesterday I had oatmeal with berries for breakfast, a chicken salad for lunch and salmon with rice "
                + "for dinner, and I walked 9,000 steps. Today I skipped breakfast. How should I plan my meals "
                + "for the rest of the week to reach my protein goal without going over 2,000 kcal a day?\"}");
        expect(response, "\"reply\":");
        return response;
    }

    /**
     * The chat as a stream over {@code /ws/chat}: one turn, then its answer word by word until
     * {@code [done]}. Recorded as {@code chat stream open} (the handshake), {@code chat stream} (from the
     * question to the first word: the model's wait) and {@code chat stream receive} (the gaps between words).
     */
    static void chatStream(Http http, VirtualUser user) {
        try (WebSocket chat = http.websocket("chat stream", "/ws/chat")) {
            WebSocket.Message message = chat.exchange("{\"user_id\":" + userId(user)
                    + ",\"message\":\"I had oatmeal for breakfast, is that good?\"}");
            // An answer is a few dozen words: a stream that goes on past this is a fault, not a long answer.
            for (int words = 0; message.ok() && !message.text().equals(STREAM_DONE); words++) {
                if (words == MAX_STREAMED_WORDS) {
                    throw new AssertionError("no " + STREAM_DONE + " after " + MAX_STREAMED_WORDS + " words");
                }
                message = chat.receive();
            }
        }
    }

    static void food(Http http, VirtualUser user) {
        Response response = http.post("food", "/api/v1/food",
                "{\"user_id\":" + userId(user) + ",\"food_name\":\"" + commonFood(user) + "\",\"quantity\":150}");
        expect(response, "\"kcal\":");
    }

    static void reminders(Http http, VirtualUser user) {
        expect(http.get("reminders", "/api/v1/reminders?user_id=" + userId(user)), "\"habit\":");
    }

    static void xp(Http http, VirtualUser user) {
        expect(http.get("xp", "/api/v1/gamification/xp?user_id=" + userId(user)), "\"rank\":");
    }

    /** Whether the chat answer was the fallback of a failed language-model call. */
    static boolean degraded(Response chat) {
        return chat.body() != null && chat.body().contains("\"degraded\":true");
    }

    private static long userId(VirtualUser user) {
        return 1 + Math.floorMod(user.id() * 97L + user.iteration(), SEEDED_USERS);
    }

    /** A seeded food's name, e.g. "Banana 17", typed in lower case as users do. */
    private static String commonFood(VirtualUser user) {
        int food = 1 + (int) Math.floorMod(user.id() * 31L + user.iteration(), COMMON_FOODS);
        return (FOOD_KINDS[food % FOOD_KINDS.length] + " " + food).toLowerCase();
    }

    private static void expect(Response response, String member) {
        if (response.ok() && !response.body().contains(member)) {
            throw new AssertionError("answer without " + member + ": " + response.body());
        }
    }
}
