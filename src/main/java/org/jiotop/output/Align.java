package org.jiotop.output;

/** Where a cell's text sits in its column. */
public enum Align { LEFT, RIGHT }
