/**
 * Files and processes the other packages share: {@code AtomicFiles} writes a file so that a reader sees
 * the old content or the new, never a torn one (baselines, results, calibration), and {@code GitCommand}
 * runs a bounded {@code git} call in one folder.
 */
package dev.perfgate.core.io;
