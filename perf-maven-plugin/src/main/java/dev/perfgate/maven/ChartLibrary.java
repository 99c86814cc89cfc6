package dev.perfgate.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Chart.js, from its WebJar on the plugin's classpath, to be inlined into the self-contained HTML report. */
final class ChartLibrary {

    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private ChartLibrary() {
    }

    /** The minified UMD build of the Chart.js version the plugin was built with. */
    static String source() throws IOException {
        ClassLoader loader = ChartLibrary.class.getClassLoader();
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IOException("Chart.js is missing from the plugin's classpath (" + POM_PROPERTIES + ")");
            }
            pom.load(in);
        }
        String path = "META-INF/resources/webjars/chart.js/" + pom.getProperty("version") + "/dist/chart.umd.min.js";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("Chart.js is missing from the plugin's classpath (" + path + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
