package dev.perfgate.sample.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A chat turn: stores the user's message, sends it with the recent conversation to the language model,
 * stores and returns the answer. When the model is unavailable the user gets a fallback answer marked
 * {@code degraded} (and nothing is stored for it) rather than an error: the assistant degrades gracefully.
 */
@Service
public class ChatService {

    /** How many earlier messages go to the model as context. */
    static final int CONTEXT_MESSAGES = 10;
    static final String FALLBACK = "I can't reach my assistant right now; your message is saved, please ask again in a moment.";

    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

    private final JdbcTemplate jdbc;
    private final LanguageModelClient model;

    public ChatService(JdbcTemplate jdbc, LanguageModelClient model) {
        this.jdbc = jdbc;
        this.model = model;
    }

    public ChatReply chat(long userId, String message) {
        store(userId, "user", message);
        List<LanguageModelClient.Message> conversation = recentConversation(userId);
        try {
            String answer = model.complete(conversation);
            store(userId, "assistant", answer);
            return new ChatReply(userId, answer, false);
        } catch (LanguageModelUnavailableException e) {
            LOG.debug("chat degraded for user {}: {}", userId, e.getMessage());
            return new ChatReply(userId, FALLBACK, true);
        }
    }

    private void store(long userId, String role, String content) {
        jdbc.update("INSERT INTO chat_messages (user_id, role, content, created_at) VALUES (?, ?, ?, ?)",
                userId, role, content, Timestamp.from(Instant.now()));
    }

    private List<LanguageModelClient.Message> recentConversation(long userId) {
        List<LanguageModelClient.Message> newestFirst = new ArrayList<>(jdbc.query(
                "SELECT role, content FROM chat_messages WHERE user_id = ? ORDER BY id DESC LIMIT " + CONTEXT_MESSAGES,
                (row, i) -> new LanguageModelClient.Message(row.getString("role"), row.getString("content")), userId));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The answer of a chat turn; {@code degraded} when it is the fallback. */
    public record ChatReply(long userId, String reply, boolean degraded) {
    }
}
