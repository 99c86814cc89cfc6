/**
 * Tolerances sized from the user's own noise: {@code NoiseCalibrator} measures each gated metric's spread
 * over unchanged runs, {@code CalibrationFile} keeps the tolerances beside the baselines, and
 * {@code CalibratedRules} lays them over the gate's settings.
 */
package dev.perfgate.core.calibrate;
