package org.jiotop.cli;

/** Writes to standard output until the reader has gone, then exits with what {@link Stdout} makes of it. */
final class BrokenPipeProbe {
    private BrokenPipeProbe() {
    }

    public static void main(String[] args) {
        Stdout out = Stdout.open();
        for (int i = 0; i < 1_000_000 && !out.checkError(); i++) {
            out.append("line ").append(Integer.toString(i)).append('\n');
            out.flush();
        }
        System.exit(out.finish(Main.EXIT_OK, System.err));
    }
}
