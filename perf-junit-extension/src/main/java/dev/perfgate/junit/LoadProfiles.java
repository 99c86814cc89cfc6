package dev.perfgate.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The named profiles a {@link LoadTest} may take its values from: the built-in {@code smoke},
 * {@code load}, {@code stress}, {@code spike} and {@code soak}, and a team's own, read from every
 * {@value #FILE} on the test class path ({@code src/test/resources/} of a module, or a shared test
 * jar). A profile of the file replaces the built-in one of the same name entirely.
 *
 * <pre>
 * # src/test/resources/perfgate-profiles.properties: PROFILE.ATTRIBUTE = value
 * nightly.pattern = soak 50 users for 2h
 * nightly.warmUp  = 2m
 * smoke.users     = 2
 * smoke.duration  = 5s
 * </pre>
 *
 * A properties file rather than a class annotated as a profile: it is found on the class path without
 * scanning classes, one file serves every module of a build, and it is edited without recompiling.
 */
final class LoadProfiles {

    /** The resource a team's profiles are read from. */
    static final String FILE = "perfgate-profiles.properties";

    /** The attributes a profile may set, as named on {@link LoadTest}. */
    static final Set<String> ATTRIBUTES = Collections.unmodifiableSet(new TreeSet<>(List.of("users", "duration", "warmUp",
            "thinkTime", "requestTimeout", "arrivalRate", "stages", "pattern")));

    /** Attributes that also shape the load, and so contradict a {@code pattern} set beside them. */
    static final List<String> SHAPE_ATTRIBUTES = List.of("users", "duration", "stages", "arrivalRate");

    private static final Map<String, Map<String, String>> BUILT_IN = Map.of(
            "smoke", Map.of("users", "1", "warmUp", "0s", "duration", "5s"),
            "load", Map.of("users", "10", "warmUp", "10s", "duration", "1m"),
            "stress", Map.of("warmUp", "10s", "pattern", "stress 10->100 users step 10 every 30s"),
            "spike", Map.of("warmUp", "10s", "pattern", "spike 1->200->1 users for 30s/10s/60s"),
            "soak", Map.of("warmUp", "1m", "pattern", "soak 20 users for 30m"));

    /**
     * One profile: its attribute values and where it was defined, e.g. {@code "built-in profile 'soak'"}.
     */
    record LoadProfile(String name, Map<String, String> values, String source) {

        /** Where attribute {@code attribute} of this profile was set, for error messages. */
        String where(String attribute) {
            return source + " (" + name + "." + attribute + ")";
        }
    }

    private LoadProfiles() {
    }

    /**
     * The profile {@code name}, asked for by {@code where}.
     *
     * @throws ExtensionConfigurationException naming {@code where} and the known profiles when there is none of that name,
     *                                         or naming the file and key of a bad definition
     */
    static LoadProfile named(String name, String where) {
        Map<String, LoadProfile> profiles = all();
        LoadProfile profile = profiles.get(name.strip());
        if (profile == null) {
            throw new ExtensionConfigurationException(where + ": no profile '" + name + "'; known: " + String.join(", ",
                    new TreeSet<>(profiles.keySet())) + " (a team adds its own in src/test/resources/" + FILE + ")");
        }
        return profile;
    }

    /** The built-in profiles, each replaced by a file's profile of its name, and the files' others. */
    static Map<String, LoadProfile> all() {
        Map<String, LoadProfile> profiles = new TreeMap<>();
        BUILT_IN.forEach((name, values) -> profiles.put(name, new LoadProfile(name, values, "built-in profile '" + name + "'")));
        Map<String, LoadProfile> defined = new LinkedHashMap<>();
        for (URL file : files()) {
            for (LoadProfile profile : read(file).values()) {
                LoadProfile earlier = defined.put(profile.name(), profile);
                if (earlier != null) {
                    throw new ExtensionConfigurationException("profile '" + profile.name() + "' is defined twice: in " + earlier.source()
                            + " and in " + profile.source() + "; keep one");
                }
            }
        }
        profiles.putAll(defined);
        return profiles;
    }

    private static List<URL> files() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Collections.list((loader != null ? loader : LoadProfiles.class.getClassLoader()).getResources(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FILE + " on the class path", e);
        }
    }

    /** The profiles of one file, each checked. */
    static Map<String, LoadProfile> read(URL file) {
        Properties properties = new Properties();
        try (InputStream in = file.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, Map<String, String>> values = new TreeMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            int dot = key.lastIndexOf('.');
            String name = dot < 0 ? "" : key.substring(0, dot);
            String attribute = key.substring(dot + 1);
            if (!name.matches("[A-Za-z0-9_-]+") || !ATTRIBUTES.contains(attribute)) {
                throw new ExtensionConfigurationException(file + ": key '" + key + "' is not PROFILE.ATTRIBUTE with a profile name of"
                        + " letters, digits, '_' and '-' and one of the attributes " + ATTRIBUTES + ", e.g. nightly.duration = 30m");
            }
            values.computeIfAbsent(name, n -> new TreeMap<>()).put(attribute, properties.getProperty(key).strip());
        }
        Map<String, LoadProfile> profiles = new TreeMap<>();
        values.forEach((name, attributes) -> {
            LoadProfile profile = new LoadProfile(name, Map.copyOf(attributes), "profile '" + name + "' of " + file);
            requireNoContradiction(profile);
            profiles.put(name, profile);
        });
        return profiles;
    }

    private static void requireNoContradiction(LoadProfile profile) {
        if (!profile.values().containsKey("pattern")) {
            return;
        }
        for (String attribute : SHAPE_ATTRIBUTES) {
            if (profile.values().containsKey(attribute)) {
                throw new ExtensionConfigurationException(profile.where(attribute) + " contradicts " + profile.name()
                        + ".pattern, which sets the users or rate and the duration itself; remove one");
            }
        }
    }
}
