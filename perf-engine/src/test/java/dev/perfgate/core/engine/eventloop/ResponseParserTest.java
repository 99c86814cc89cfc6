package dev.perfgate.core.engine.eventloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** The parser fed whole responses and the same bytes cut into pieces of every size. */
class ResponseParserTest {

    private static final String KEEP_ALIVE = "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 5\r\n"
            + "Connection: keep-alive\r\n\r\nhello";
    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nhello\r\nA\r\n, chunked!\r\n0\r\nX-Trailer: yes\r\n\r\n";

    private final ResponseParser parser = new ResponseParser();

    /** Feeds {@code response} in pieces of {@code pieceSize} bytes; the outcome after the last piece, and what is left unread. */
    private Fed feed(String response, int pieceSize) {
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        int outcome = ResponseParser.NEED_MORE;
        int leftOver = 0;
        for (int from = 0; from < bytes.length; from += pieceSize) {
            ByteBuf piece = Unpooled.wrappedBuffer(bytes, from, Math.min(pieceSize, bytes.length - from));
            outcome = parser.parse(piece);
            leftOver = piece.readableBytes() + Math.max(0, bytes.length - from - pieceSize);
            if (outcome != ResponseParser.NEED_MORE) {
                break;
            }
        }
        return new Fed(outcome, leftOver);
    }

    private record Fed(int outcome, int leftOver) {
    }

    @ParameterizedTest(name = "pieces of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
    void findsTheEndOfAResponseWithContentLengthCutAnywhere(int pieceSize) {
        assertThat(feed(KEEP_ALIVE, pieceSize)).isEqualTo(new Fed(ResponseParser.COMPLETE, 0));
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.closesConnection()).isFalse();
    }

    @ParameterizedTest(name = "pieces of {0} bytes")
    @ValueSource(ints = {1, 2, 5, 13, 4096})
    void findsTheEndOfAChunkedResponseWithExtensionsAndTrailersCutAnywhere(int pieceSize) {
        assertThat(feed(CHUNKED, pieceSize)).isEqualTo(new Fed(ResponseParser.COMPLETE, 0));
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.closesConnection()).isFalse();
    }

    @Test
    void needsMoreUntilTheLastByteOfTheBody() {
        assertThat(feed(KEEP_ALIVE.substring(0, KEEP_ALIVE.length() - 1), 4096).outcome()).isEqualTo(ResponseParser.NEED_MORE);
        parser.reset();
        assertThat(feed(CHUNKED.substring(0, CHUNKED.length() - 2), 4096).outcome()).isEqualTo(ResponseParser.NEED_MORE);
    }

    @Test
    void leavesTheBytesAfterTheResponseUnread() {
        assertThat(feed(KEEP_ALIVE + "HTTP/1.1", 4096)).isEqualTo(new Fed(ResponseParser.COMPLETE, 8));
    }

    @Test
    void servesTheNextResponseAfterReset() {
        feed(CHUNKED, 4096);
        parser.reset();
        assertThat(feed("HTTP/1.1 503 Service Unavailable\r\ncontent-length: 3\r\n\r\nbad", 4096).outcome())
                .isEqualTo(ResponseParser.COMPLETE);
        assertThat(parser.status()).isEqualTo(503);
    }

    @Test
    void headerNamesAndTokensIgnoreCase() {
        assertThat(feed("HTTP/1.1 200 OK\r\nTRANSFER-ENCODING: Chunked\r\nCONNECTION: Close\r\n\r\n0\r\n\r\n", 3).outcome())
                .isEqualTo(ResponseParser.COMPLETE);
        assertThat(parser.closesConnection()).isTrue();
    }

    @Test
    void connectionCloseMeansTheConnectionCannotBeReused() {
        feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok", 4096);
        assertThat(parser.closesConnection()).isTrue();
    }

    @Test
    void http10ClosesUnlessItAsksForKeepAlive() {
        feed("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", 4096);
        assertThat(parser.closesConnection()).isTrue();
        parser.reset();
        feed("HTTP/1.0 200 OK\r\nContent-Length: 2\r\nConnection: Keep-Alive\r\n\r\nok", 4096);
        assertThat(parser.closesConnection()).isFalse();
    }

    @Test
    void aBodyWithoutLengthEndsWithTheConnection() {
        assertThat(feed("HTTP/1.1 200 OK\r\n\r\nall of this until the close", 5).outcome()).isEqualTo(ResponseParser.NEED_MORE);
        assertThat(parser.endOfInput()).isEqualTo(ResponseParser.COMPLETE);
        assertThat(parser.closesConnection()).isTrue();
    }

    @Test
    void aResponseCutOffByTheCloseIsNotWhole() {
        feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf", 4096);
        assertThat(parser.endOfInput()).isEqualTo(ResponseParser.MALFORMED);
    }

    @Test
    void noBodyFor204And304() {
        assertThat(feed("HTTP/1.1 204 No Content\r\n\r\n", 4096)).isEqualTo(new Fed(ResponseParser.COMPLETE, 0));
        parser.reset();
        assertThat(feed("HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\n\r\n", 4096)).isEqualTo(new Fed(ResponseParser.COMPLETE, 0));
    }

    @Test
    void skipsAnInterimResponse() {
        assertThat(feed("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", 4).outcome())
                .isEqualTo(ResponseParser.COMPLETE);
        assertThat(parser.status()).isEqualTo(201);
    }

    @Test
    void readsPastHeaderLinesLongerThanItKeeps() {
        String cookie = "Set-Cookie: " + "x".repeat(ResponseParser.MAX_LINE * 2) + "\r\n";
        assertThat(feed("HTTP/1.1 200 OK\r\n" + cookie + "Content-Length: 2\r\n\r\nok", 1000)).isEqualTo(new Fed(ResponseParser.COMPLETE, 0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SSH-2.0-OpenSSH_9.2\r\n\r\n",
        "HTTP/1.1 2x0 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: five\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
        "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokNOT-CRLF\r\n",
    })
    void rejectsWhatIsNotAnHttpResponse(String response) {
        assertThat(feed(response, 4096).outcome()).isEqualTo(ResponseParser.MALFORMED);
    }
}
