package org.jiotop.linux;

/**
 * The owners a cgroup path names, by the layouts of systemd, the container runtimes and kubelet.
 * Each rule looks from the innermost name out, so that a container in a container is told by the
 * inner one. {@link CgroupLabels#NONE} when no name matches.
 */
final class CgroupRules {
    /** The unit types whose processes systemd runs in a cgroup of their own, as systemd.unit(5) names them. */
    private static final String[] UNIT_SUFFIXES = {".service", ".scope", ".slice", ".mount", ".socket", ".swap"};
    /** The systemd scopes a runtime puts a container in, {@code <prefix><64 hex>.scope}. */
    private static final String[] CONTAINER_SCOPES = {"docker-", "cri-containerd-", "crio-", "libpod-"};
    /**
     * The cgroups CRI-O and podman make under their cgroupfs manager, {@code <prefix><64 hex>}
     * without {@code .scope}: {@code /kubepods/<qos>/pod<uid>/crio-<id>}, {@code /libpod_parent/libpod-<id>}.
     */
    private static final String[] CONTAINER_CGROUPS = {"crio-", "libpod-"};
    private static final String PODMAN_PAYLOAD = "libpod-payload-";
    private static final String LXC_PAYLOAD = "lxc.payload.";
    private static final String SCOPE = ".scope";
    private static final String SLICE = ".slice";
    private static final String KUBEPODS = "kubepods";
    private static final String[] QOS_CLASSES = {"burstable", "besteffort"};
    private static final String POD = "pod";
    private static final int ID_DIGITS = 64;
    /** A container ID is shown as docker and crictl show it. */
    private static final int SHOWN_DIGITS = 12;

    private CgroupRules() {
    }

    /**
     * The innermost systemd unit: a name ending in {@code .service}, {@code .scope}, {@code .slice},
     * or {@code .mount}, {@code .socket} or {@code .swap}, whose helpers (a FUSE daemon a mount
     * started, for one) run in the unit's cgroup too.
     */
    static String unit(PathParts p) {
        for (int i = p.count() - 1; i >= 0; i--) {
            for (String suffix : UNIT_SUFFIXES) {
                if (p.length(i) > suffix.length() && p.endsWith(i, suffix)) {
                    return p.text(i, 0, 0);
                }
            }
        }
        return CgroupLabels.NONE;
    }

    /** The innermost container: the first 12 digits of its ID, or an LXC container's name. */
    static String container(PathParts p) {
        for (int i = p.count() - 1; i >= 0; i--) {
            for (String prefix : CONTAINER_SCOPES) {
                if (p.isHexId(i, prefix, ID_DIGITS, SCOPE)) {
                    return p.ascii(i, prefix.length(), SHOWN_DIGITS);
                }
            }
            for (String prefix : CONTAINER_CGROUPS) {
                if (p.isHexId(i, prefix, ID_DIGITS, "")) {
                    return p.ascii(i, prefix.length(), SHOWN_DIGITS);
                }
            }
            if (p.isHexId(i, PODMAN_PAYLOAD, ID_DIGITS, "")) {
                return p.ascii(i, PODMAN_PAYLOAD.length(), SHOWN_DIGITS);
            }
            if (p.isHexId(i, "", ID_DIGITS, "") && (p.is(i - 1, "docker") || within(p, i, KUBEPODS))) {
                return p.ascii(i, 0, SHOWN_DIGITS);
            }
            if (p.is(i - 1, "lxc")) {
                return p.text(i, 0, 0);
            }
            if (p.length(i) > LXC_PAYLOAD.length() && p.startsWith(i, LXC_PAYLOAD)) {
                return p.text(i, LXC_PAYLOAD.length(), 0);
            }
        }
        return CgroupLabels.NONE;
    }

    /**
     * The innermost Kubernetes pod, by its UID with dashes: kubelet's systemd driver names a pod
     * {@code kubepods[-<qos>]-pod<uid with _ for ->.slice}, its cgroupfs driver
     * {@code kubepods[/<qos>]/pod<uid>}.
     */
    static String pod(PathParts p) {
        for (int i = p.count() - 1; i >= 0; i--) {
            int marker = p.lastIndexOf(i, "-" + POD);
            if (marker > 0 && p.endsWith(i, SLICE) && p.hasWord(i, marker, KUBEPODS)
                    && p.isWord(i, marker + 1 + POD.length(), SLICE.length())) {
                return p.text(i, marker + 1 + POD.length(), SLICE.length()).replace('_', '-');
            }
            if (p.startsWith(i, POD) && p.isWord(i, POD.length(), 0) && underKubepods(p, i)) {
                return p.text(i, POD.length(), 0);
            }
        }
        return CgroupLabels.NONE;
    }

    /** Whether name {@code i}'s parent is {@code kubepods}, or a QoS class under it. */
    private static boolean underKubepods(PathParts p, int i) {
        if (p.is(i - 1, KUBEPODS)) {
            return true;
        }
        for (String qos : QOS_CLASSES) {
            if (p.is(i - 1, qos) && p.is(i - 2, KUBEPODS)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name outside name {@code i} is {@code ascii}. */
    private static boolean within(PathParts p, int i, String ascii) {
        for (int j = i - 1; j >= 0; j--) {
            if (p.is(j, ascii)) {
                return true;
            }
        }
        return false;
    }
}
