/**
 * What the gate writes for people and CI servers: the HTML report (one self-contained page with the
 * verdict first, charts and the baselines' history), {@code summary.md}, {@code comparison.json} and
 * {@code junit.xml}. Figures the gate does not judge (the app's CPU, memory and Prometheus metrics) are
 * shown and marked so. The page's HTML, style and scripts are resource files of this package
 * ({@code report.html}, {@code report.js}, {@code shown-section.js}).
 */
package dev.perfgate.core.report;
