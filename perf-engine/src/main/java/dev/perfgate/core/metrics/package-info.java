/**
 * Reads what an application exposes about itself: the Prometheus text format, scraped before and after a
 * run so that the report can show the application's own counters beside perfgate's figures.
 */
package dev.perfgate.core.metrics;
