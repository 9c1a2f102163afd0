package org.jiotop.model;

/** Supplies the text columns of rows; implemented over /proc and the kernel by the wiring. */
public interface LabelSource {
    TaskLabels labels(Row row, boolean processes);
}
