package dev.perfgate.sample.chat;

import java.io.IOException;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import dev.perfgate.sample.platform.Requests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/chat}: the chat as a stream. Each message {@code {"user_id", "message"}} is one turn,
 * answered word by word, one WebSocket message each, then {@code [done]}; as an assistant streams
 * its tokens. A message that is not such a turn closes the socket with 1003.
 */
@Configuration
@EnableWebSocket
public class ChatSocket extends TextWebSocketHandler implements WebSocketConfigurer {

    /** The last message of each answer. */
    public static final String DONE = "[done]";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ChatService chats;

    public ChatSocket(ChatService chats) {
        this.chats = chats;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(this, "/ws/chat");
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        ChatService.ChatReply reply;
        try {
            JsonNode turn = JSON.readTree(message.getPayload());
            long userId = Requests.userId(turn.path("user_id").isNumber() ? turn.path("user_id").asLong() : null);
            reply = chats.chat(userId, Requests.text("message", turn.path("message").asString(null), 2000));
        } catch (RuntimeException e) {
            session.close(CloseStatus.NOT_ACCEPTABLE.withReason("send {\"user_id\": 42, \"message\": \"...\"}"));
            return;
        }
        for (String word : reply.reply().split(" ")) {
            session.sendMessage(new TextMessage(word));
        }
        session.sendMessage(new TextMessage(DONE));
    }
}
