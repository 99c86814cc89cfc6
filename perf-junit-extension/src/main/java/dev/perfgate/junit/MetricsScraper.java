package dev.perfgate.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.perfgate.core.metrics.PrometheusText;
import dev.perfgate.core.result.AppMetricsResult;
import dev.perfgate.core.result.AppMetricsResult.MetricSample;
import dev.perfgate.core.result.AppMetricsResult.MetricSeries;

/**
 * Scrapes the application's Prometheus endpoint about once a second on a thread of its own, keeping
 * the named metrics of each scrape. Never fails the test: a failed scrape is counted and reported.
 * Its own thread rather than {@link AppWatch}'s: a slow endpoint (up to {@link #TIMEOUT}) must not
 * delay noticing that the container died, and the Docker stats of {@link ResourceSampler} are pushed
 * by the engine on a stream, with no polling thread to share. Scrapes are bounded in number.
 */
final class MetricsScraper implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** A day of scrapes at one a second. */
    private static final int MAX_SCRAPES = 86_400;

    private final PrometheusMetrics metrics;
    private final URI endpoint;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final List<Scrape> scrapes = new ArrayList<>();
    private final Thread thread;
    private volatile String lastFailure;
    private volatile int failures;

    private record Scrape(long nanos, Map<String, Double> values) {
    }

    private MetricsScraper(PrometheusMetrics metrics, URI baseUri) {
        this.metrics = metrics;
        this.endpoint = baseUri.resolve(metrics.path());
        this.thread = new Thread(this::scrapeUntilClosed, "perfgate-metrics-scraper");
        this.thread.setDaemon(true);
    }

    /** Starts scraping {@code metrics} from the application at {@code baseUri}; {@code null} when none are asked for. */
    static MetricsScraper start(PrometheusMetrics metrics, URI baseUri) {
        if (metrics == null) {
            return null;
        }
        MetricsScraper scraper = new MetricsScraper(metrics, baseUri);
        scraper.thread.start();
        return scraper;
    }

    private void scrapeUntilClosed() {
        for (int i = 0; i < MAX_SCRAPES && !Thread.currentThread().isInterrupted(); i++) {
            long started = System.nanoTime();
            scrapeOnce();
            try {
                Thread.sleep(Math.max(0, INTERVAL.toMillis() - (System.nanoTime() - started) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void scrapeOnce() {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (response.statusCode() / 100 != 2) {
                fail("HTTP " + response.statusCode() + " from " + metrics.path());
                return;
            }
            PrometheusText text = PrometheusText.parse(response.body());
            Map<String, Double> values = new LinkedHashMap<>();
            for (PrometheusMetrics.Selector selector : metrics.selectors()) {
                values.put(selector.text(), text.sum(selector.name(), selector.labels()));
            }
            synchronized (scrapes) {
                scrapes.add(new Scrape(now, values));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            fail(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void fail(String why) {
        lastFailure = why;
        failures++;
    }

    /** Stops scraping and returns what was scraped from {@code fromNanos} to {@code toNanos} ({@link System#nanoTime()}). */
    AppMetricsResult result(long fromNanos, long toNanos) {
        close();
        Map<String, List<MetricSample>> series = new LinkedHashMap<>();
        int answered = 0;
        synchronized (scrapes) {
            for (Scrape scrape : scrapes) {
                if (scrape.nanos - fromNanos < 0 || scrape.nanos - toNanos > 0) {
                    continue;
                }
                answered++;
                double atSecond = Math.round((scrape.nanos - fromNanos) / 1e7) / 100.0;
                scrape.values.forEach((name, value) -> {
                    if (value != null) {
                        series.computeIfAbsent(name, n -> new ArrayList<>())
                                .add(new MetricSample(atSecond, Double.isFinite(value) ? value : null));
                    }
                });
            }
        }
        Map<String, MetricSeries> figures = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (PrometheusMetrics.Selector selector : metrics.selectors()) {
            List<MetricSample> samples = series.get(selector.text());
            if (samples == null) {
                missing.add(selector.text());
            } else {
                figures.put(selector.text(), MetricSeries.of(samples));
            }
        }
        return new AppMetricsResult(metrics.path(), answered, failures, lastFailure, figures, missing);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(TIMEOUT.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
