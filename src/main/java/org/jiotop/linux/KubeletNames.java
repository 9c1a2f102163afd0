package org.jiotop.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The names kubelet gives pods and containers, read from the log directories it keeps on every
 * node, so that no API server is asked: {@code /var/log/pods/<namespace>_<pod>_<uid>/} and
 * {@code /var/log/containers/<pod>_<namespace>_<container>-<id>.log}. Kubernetes names cannot
 * hold {@code _}, so the parts split cleanly. The directories are listed again only when asked
 * for a name not known and only when they changed since, so a node without kubelet costs two
 * failed stats per look-up round.
 */
public final class KubeletNames {
    /** A pod by name. */
    public record Pod(String namespace, String name) {
    }

    /** A container by name, and its pod. */
    public record Container(String name, Pod pod) {
    }

    /** Entries read from one directory at most: a listing stays bounded whatever lies there. */
    private static final int MAX_ENTRIES = 100_000;
    private static final int ID_CHARS = 64;
    /** Container IDs are labelled by their first 12 characters, as {@link CgroupRules} writes them. */
    private static final int SHORT_ID = 12;

    private final Path pods;
    private final Path containers;
    private Map<String, Pod> podsByUid = Map.of();
    private Map<String, Container> containersById = Map.of();
    private FileTime podsRead;
    private FileTime containersRead;

    /** {@code root}: the file system root the log directories are under ({@code /}, or a fixture tree). */
    public KubeletNames(Path root) {
        this.pods = root.resolve("var/log/pods");
        this.containers = root.resolve("var/log/containers");
    }

    /** The pod with UID {@code uid} (with dashes, as cgroups name it), or null when not known. */
    public Pod pod(String uid) {
        Pod p = podsByUid.get(uid);
        if (p == null && reloadPods()) {
            p = podsByUid.get(uid);
        }
        return p;
    }

    /** The container whose ID starts with {@code id} (12 hex digits), or null when not known. */
    public Container container(String id) {
        Container c = containersById.get(id);
        if (c == null && reloadContainers()) {
            c = containersById.get(id);
        }
        return c;
    }

    private boolean reloadPods() {
        FileTime changed = modified(pods);
        if (changed == null || changed.equals(podsRead)) {
            return false;
        }
        podsRead = changed;
        Map<String, Pod> out = new HashMap<>();
        list(pods, name -> {
            String[] p = name.split("_", -1);
            if (p.length == 3 && !p[0].isEmpty() && !p[1].isEmpty()) {
                out.put(p[2], new Pod(SafeText.escape(p[0]), SafeText.escape(p[1])));
            }
        });
        podsByUid = out;
        return true;
    }

    private boolean reloadContainers() {
        FileTime changed = modified(containers);
        if (changed == null || changed.equals(containersRead)) {
            return false;
        }
        containersRead = changed;
        Map<String, Container> out = new HashMap<>();
        list(containers, name -> {
            if (!name.endsWith(".log")) {
                return;
            }
            String[] p = name.substring(0, name.length() - ".log".length()).split("_", -1);
            int dash = p.length == 3 ? p[2].length() - ID_CHARS - 1 : -1;
            if (dash > 0 && p[2].charAt(dash) == '-' && !p[0].isEmpty() && !p[1].isEmpty()) {
                String id = p[2].substring(dash + 1, dash + 1 + SHORT_ID);
                out.put(id, new Container(SafeText.escape(p[2].substring(0, dash)),
                        new Pod(SafeText.escape(p[1]), SafeText.escape(p[0]))));
            }
        });
        containersById = out;
        return true;
    }

    private static FileTime modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir);
        } catch (IOException e) {
            return null; // no kubelet on this node: IDs stay IDs
        }
    }

    private static void list(Path dir, java.util.function.Consumer<String> entry) {
        int n = 0;
        try (DirectoryStream<Path> d = Files.newDirectoryStream(dir)) {
            for (Path p : d) {
                if (n++ >= MAX_ENTRIES) {
                    return;
                }
                entry.accept(p.getFileName().toString());
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // Read again when the directory next changes; until then the names read so far stand.
        }
    }
}
