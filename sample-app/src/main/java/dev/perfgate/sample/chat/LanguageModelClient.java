package dev.perfgate.sample.chat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.perfgate.sample.platform.Regressions;

/**
 * The downstream language model, an OpenAI-style {@code POST /v1/chat/completions} at {@code LLM_URL}.
 * Thread-safe; under {@link Regressions#SYNCHRONIZED_LLM} the calls wait for each other behind one lock,
 * as a team "protecting" a client it believed not thread-safe would ship.
 */
@Component
public class LanguageModelClient {

    static final String MODEL = "assistant-small";

    private final RestClient http;
    private final Regressions regressions;
    private final Object lock = new Object();

    public LanguageModelClient(@Value("${llm.url}") String baseUrl, @Value("${llm.timeout}") Duration timeout,
            Regressions regressions) {
        // HTTP/1.1 with a Content-Length (the body is buffered): what model APIs and their proxies expect;
        // the JDK client would otherwise offer an h2c upgrade and stream the body chunked.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(new BufferingClientHttpRequestFactory(requests)).build();
        this.regressions = regressions;
    }

    /**
     * The model's answer to the conversation so far.
     *
     * @throws LanguageModelUnavailableException when the model fails, times out or answers nothing
     */
    public String complete(List<Message> conversation) {
        if (regressions.synchronizedLlm()) {
            synchronized (lock) {
                return call(conversation);
            }
        }
        return call(conversation);
    }

    private String call(List<Message> conversation) {
        try {
            Completion completion = http.post().uri("/v1/chat/completions")
                    .body(new CompletionRequest(MODEL, conversation))
                    .retrieve()
                    .body(Completion.class);
            if (completion == null || completion.choices() == null || completion.choices().isEmpty()) {
                throw new LanguageModelUnavailableException("the language model answered no choices", null);
            }
            return completion.choices().get(0).message().content();
        } catch (RestClientException e) {
            throw new LanguageModelUnavailableException("the language model failed: " + e.getMessage(), e);
        }
    }

    /** One message of a conversation: {@code role} is {@code user} or {@code assistant}. */
    public record Message(String role, String content) {
    }

    record CompletionRequest(String model, List<Message> messages) {
    }

    record Completion(List<Choice> choices) {
    }

    record Choice(Message message) {
    }
}
