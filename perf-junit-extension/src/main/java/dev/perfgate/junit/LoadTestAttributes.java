package dev.perfgate.junit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The {@link LoadTest} attributes a profile may set, each as written on the annotation, else from the
 * profile ({@value LoadTest#PROFILE_PROPERTY}, else {@link LoadTest#profile()}), else its default,
 * with where each came from for error messages. The {@code perfgate.*} property overrides are applied
 * on top by {@link LoadTestSettings}.
 *
 * <p>A {@code pattern} sets the load's shape, so on the annotation it contradicts {@code users},
 * {@code duration}, {@code stages} and {@code arrivalRate}. When the annotation sets any of those five, a
 * profile's {@code pattern}, {@code stages} and {@code arrivalRate} are not taken (its other values are):
 * the annotation shapes the load.
 */
final class LoadTestAttributes {

    private static final Map<String, String> DEFAULTS = Map.of("users", "1", "duration", "10s", "warmUp", "2s", "thinkTime", "0s",
            "requestTimeout", "10s", "arrivalRate", "", "stages", "", "pattern", "");

    /** Profile values that would replace the users and duration the annotation sets, and so are not taken then. */
    private static final java.util.Set<String> SHAPE_REPLACING = java.util.Set.of("pattern", "stages", "arrivalRate");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> wheres = new LinkedHashMap<>();
    private final String profile;

    private LoadTestAttributes(String profile) {
        this.profile = profile;
    }

    /**
     * The attributes of {@code annotation} on {@code owner} ({@code Class.method}).
     *
     * @throws ExtensionConfigurationException for an unknown profile or a pattern beside users, duration, stages or rate
     */
    static LoadTestAttributes of(LoadTest annotation, String owner) {
        Map<String, String> annotated = annotated(annotation);
        requireNoContradiction(annotated, owner);
        String property = System.getProperty(LoadTest.PROFILE_PROPERTY);
        String name = property != null && !property.isBlank() ? property : annotation.profile();
        LoadProfiles.LoadProfile profile = name.isBlank() ? null : LoadProfiles.named(name, property != null && !property.isBlank()
                ? "system property " + LoadTest.PROFILE_PROPERTY : "@LoadTest(profile) on " + owner);
        boolean annotationShapesTheLoad = LoadProfiles.SHAPE_ATTRIBUTES.stream().anyMatch(annotated::containsKey)
                || annotated.containsKey("pattern");
        LoadTestAttributes attributes = new LoadTestAttributes(profile == null ? null : profile.name());
        DEFAULTS.forEach((attribute, fallback) -> {
            boolean patternTheAnnotationReplaces = SHAPE_REPLACING.contains(attribute) && annotationShapesTheLoad;
            if (annotated.containsKey(attribute)) {
                attributes.put(attribute, annotated.get(attribute), "@LoadTest(" + attribute + ") on " + owner);
            } else if (profile != null && profile.values().containsKey(attribute) && !patternTheAnnotationReplaces) {
                attributes.put(attribute, profile.values().get(attribute), profile.where(attribute) + " for " + owner);
            } else {
                attributes.put(attribute, fallback, "@LoadTest(" + attribute + ") on " + owner);
            }
        });
        return attributes;
    }

    /** The attributes written on the annotation: those not at their "unset" default. */
    private static Map<String, String> annotated(LoadTest annotation) {
        Map<String, String> set = new LinkedHashMap<>();
        if (annotation.users() != 0) {
            set.put("users", String.valueOf(annotation.users()));
        }
        putUnlessBlank(set, "duration", annotation.duration());
        putUnlessBlank(set, "warmUp", annotation.warmUp());
        putUnlessBlank(set, "thinkTime", annotation.thinkTime());
        putUnlessBlank(set, "requestTimeout", annotation.requestTimeout());
        putUnlessBlank(set, "arrivalRate", annotation.arrivalRate());
        putUnlessBlank(set, "stages", annotation.stages());
        putUnlessBlank(set, "pattern", annotation.pattern());
        return set;
    }

    private static void putUnlessBlank(Map<String, String> set, String attribute, String value) {
        if (!value.isBlank()) {
            set.put(attribute, value);
        }
    }

    private static void requireNoContradiction(Map<String, String> annotated, String owner) {
        if (!annotated.containsKey("pattern")) {
            return;
        }
        for (String attribute : LoadProfiles.SHAPE_ATTRIBUTES) {
            if (annotated.containsKey(attribute)) {
                throw new ExtensionConfigurationException("@LoadTest(" + attribute + ") on " + owner + " contradicts @LoadTest(pattern) '"
                        + annotated.get("pattern") + "', which sets the users or rate and the duration itself; remove one");
            }
        }
    }

    private void put(String attribute, String value, String where) {
        values.put(attribute, value);
        wheres.put(attribute, where);
    }

    /** The value of {@code attribute}, e.g. {@code "30s"}; empty when unset and without default. */
    String value(String attribute) {
        return values.get(attribute);
    }

    /** Where {@link #value} came from, e.g. {@code "@LoadTest(duration) on MyIT.test"}. */
    String where(String attribute) {
        return wheres.get(attribute);
    }

    /** The profile the values were taken from, or {@code null}. */
    String profile() {
        return profile;
    }
}
