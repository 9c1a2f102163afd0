package org.jiotop.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Tests against the real kernel need root (CAP_NET_ADMIN for taskstats); CI runs them as root. */
public final class Root {
    private Root() {
    }

    public static void assumeRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for taskstats");
    }
}
