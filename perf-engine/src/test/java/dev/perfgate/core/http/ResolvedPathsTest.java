package dev.perfgate.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ResolvedPathsTest {

    private final ResolvedPaths paths = new ResolvedPaths(URI.create("http://127.0.0.1:8080/base/"));

    @Test
    void pathsResolveOnTheTargetsHostAndPortWithTheirQuery() {
        assertThat(paths.resolve("/api/items?page=2")).isEqualTo(URI.create("http://127.0.0.1:8080/api/items?page=2"));
        assertThat(paths.resolve("/")).isEqualTo(URI.create("http://127.0.0.1:8080/"));
    }

    @Test
    void aPathThatIsNotAbsoluteOrNamesAnotherHostIsRefusedBeforeAnyRequest() {
        for (String path : new String[] {"api/items", "", null, "//192.0.2.1/steal", "//127.0.0.1:9999/other"}) {
            assertThatThrownBy(() -> paths.resolve(path)).as(String.valueOf(path))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with one '/'");
        }
    }

    @Test
    void aTargetOffLoopbackIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> new ResolvedPaths(URI.create("http://192.0.2.1:80")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }

    @Test
    void aPathResolvedAgainIsTheSameUriUpToTheKeptCount() {
        assertThat(paths.resolve("/again")).isSameAs(paths.resolve("/again"));
        IntStream.range(0, ResolvedPaths.KEPT).forEach(i -> paths.resolve("/fill/" + i));

        URI beyond = paths.resolve("/beyond");

        assertThat(paths.resolve("/beyond")).isEqualTo(beyond).isNotSameAs(beyond);
    }

    @Test
    void usersOnManyThreadsShareOnePathsWithoutLosingAnAnswer() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<URI>> answers = IntStream.range(0, 2_000)
                    .mapToObj(i -> threads.submit(() -> paths.resolve("/item/" + (i % 50))))
                    .toList();
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(URI.create("http://127.0.0.1:8080/item/" + (i % 50)));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
