package dev.perfgate.sample.chat;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.perfgate.sample.platform.Requests;

/** {@code POST /api/v1/chat {user_id, message}}: one turn of the conversation with the assistant. */
@RestController
public class ChatController {

    private final ChatService chats;

    public ChatController(ChatService chats) {
        this.chats = chats;
    }

    @PostMapping("/api/v1/chat")
    public ChatService.ChatReply chat(@RequestBody ChatRequest request) {
        return chats.chat(Requests.userId(request.userId()), Requests.text("message", request.message(), 2000));
    }

    /** The request body. */
    public record ChatRequest(Long userId, String message) {
    }
}
