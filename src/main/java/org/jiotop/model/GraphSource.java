package org.jiotop.model;

/** What a history graph draws: read and written bytes together, or one of them (iotop-c's R+W, R, W). */
public enum GraphSource {
    BOTH("R+W"), READ("R"), WRITE("W");

    /** Its name in the graph's title. */
    public final String label;

    GraphSource(String label) {
        this.label = label;
    }

    /** The source the cycling key goes to from this one. */
    public GraphSource next() {
        GraphSource[] all = values();
        return all[(ordinal() + 1) % all.length];
    }

    double of(double read, double write) {
        return switch (this) {
            case BOTH -> read + write;
            case READ -> read;
            case WRITE -> write;
        };
    }
}
