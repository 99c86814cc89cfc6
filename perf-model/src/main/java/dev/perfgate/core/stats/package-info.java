/**
 * The statistics the gate decides with, each a small class without dependencies: rank tests
 * ({@code MannWhitney}, {@code WilcoxonSignedRank}), {@code FisherExact} for error rates, {@code Holm} for
 * several hypotheses at once, the estimators {@code HodgesLehmann} and {@code TheilSen}, and the
 * distributions they need ({@code Normal}, {@code StudentT}). Each cites its method in its Javadoc and is
 * tested against published values.
 */
package dev.perfgate.core.stats;
