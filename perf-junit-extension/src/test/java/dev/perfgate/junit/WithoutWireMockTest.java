package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * WireMock is an optional dependency: perfgate's classes, loaded afresh by a class loader that
 * hides WireMock, must link and run without it unless a stub is declared, and
 * {@code Stub.wiremock} must name the dependency to add. (A test class whose own routes lambda
 * names WireMock types fails earlier, in JUnit's discovery, with the JVM's
 * {@code NoClassDefFoundError} naming the missing WireMock class.)
 */
class WithoutWireMockTest {

    private final HidingLoader loader = new HidingLoader(getClass().getClassLoader());

    @Test
    void anApplicationWithoutStubsNeverLoadsWireMock() throws Exception {
        for (String name : new String[] {"AppUnderTest", "LoadTestExtension", "RunningApp", "RunningStubs", "Stub", "Latency"}) {
            Class<?> type = Class.forName("dev.perfgate.junit." + name, true, loader); // initialised, so linked and verified
            assertThat(type.getClassLoader()).isSameAs(loader);
        }
        Runnable withoutStubs = (Runnable) loader.loadClass(WithoutStubs.class.getName()).getDeclaredConstructor().newInstance();

        withoutStubs.run();

        assertThat(loader.loaded(StubServer.class.getName())).isFalse();
        assertThat(loader.loaded(InjectedFaults.class.getName())).isFalse();
    }

    @Test
    void stubWiremockNamesTheDependencyToAdd() throws Exception {
        Class<?> stub = loader.loadClass(Stub.class.getName());
        Consumer<Object> routes = server -> { };

        assertThatThrownBy(() -> stub.getMethod("wiremock", Consumer.class).invoke(null, routes))
                .isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("Stub.wiremock needs WireMock", "<groupId>org.wiremock</groupId>",
                        "<artifactId>wiremock-standalone</artifactId>", "<version>" + Stub.wireMockVersion() + "</version>",
                        "<scope>test</scope>");
        assertThat(Stub.wireMockVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    /** What a load test class without stubs does with perfgate's classes before its container starts. */
    public static final class WithoutStubs implements Runnable {
        @Override
        public void run() {
            AppUnderTest app = AppUnderTest.fromDockerfile("Dockerfile").withEnv("CACHE_SIZE", "10");
            RunningStubs.start(app.stubs()).close();
        }
    }

    /** Defines perfgate's extension classes (and its tests') itself and refuses WireMock's (and its shaded dependencies). */
    private static final class HidingLoader extends ClassLoader {

        HidingLoader(ClassLoader parent) {
            super(parent);
        }

        boolean loaded(String name) {
            synchronized (getClassLoadingLock(name)) {
                return findLoadedClass(name) != null;
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.github.tomakehurst.wiremock.") || name.startsWith("wiremock.")) {
                throw new ClassNotFoundException(name + " (hidden by the test)");
            }
            if (!name.startsWith("dev.perfgate.junit.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = bytesOf(name);
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private byte[] bytesOf(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
