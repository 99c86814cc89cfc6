package dev.perfgate.core.compare;

/** A verdict and the evidence or reason behind it, e.g. {@code p=0.003}; the note is empty when there is nothing to say. */
record Decision(Verdict verdict, String note) {

    static final Decision UNCHANGED = new Decision(Verdict.UNCHANGED, "");
}
