package dev.perfgate.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.perfgate.core.testing.RawHttpServer;

/** The read buffer each user keeps: small for small answers, larger only once answers fill it. */
class AnswerReaderTest {

    @Test
    void smallAnswersKeepTheFirstBufferAndLargeOnesGrowItToTheMostOnly() throws IOException {
        String small = "x".repeat(100);
        String large = "y".repeat(100_000);
        try (RawHttpServer smallServer = RawHttpServer.answering(answer(small), false);
                RawHttpServer largeServer = RawHttpServer.answering(answer(large), false)) {
            AnswerReader reader = new AnswerReader();

            for (int i = 0; i < 3; i++) {
                assertThat(exchange(smallServer, reader).body()).isEqualTo(small);
            }
            assertThat(reader.bufferSize()).isEqualTo(AnswerReader.FIRST_READ);

            assertThat(exchange(largeServer, reader).body()).isEqualTo(large);
            assertThat(exchange(largeServer, reader).body()).isEqualTo(large);
            assertThat(reader.bufferSize()).isEqualTo(AnswerReader.MOST_READ);
        }
    }

    private static String answer(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** One GET on a fresh connection, read by {@code reader}. */
    private static Response exchange(RawHttpServer server, AnswerReader reader) throws IOException {
        try (Socket socket = new Socket(server.uri("/").getHost(), server.uri("/").getPort())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            reader.readFrom(socket);
            reader.deadline(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            assertThat(reader.answerBegins()).isTrue();
            return reader.read("GET");
        } finally {
            reader.clear();
        }
    }
}
