package org.jiotop.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

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

    /** One directory's entries by key, listed again when asked for a key not there and the directory changed. */
    private static final class Listing<T> {
        private final Path dir;
        private final BiConsumer<String, Map<String, T>> parse;
        private Map<String, T> byKey = Map.of();
        private FileTime read;

        Listing(Path dir, BiConsumer<String, Map<String, T>> parse) {
            this.dir = dir;
            this.parse = parse;
        }

        T get(String key) {
            T found = byKey.get(key);
            if (found != null) {
                return found;
            }
            FileTime changed = modified(dir);
            if (changed == null || changed.equals(read)) {
                return null;
            }
            read = changed;
            Map<String, T> out = new HashMap<>();
            list(dir, name -> parse.accept(name, out));
            byKey = out;
            return out.get(key);
        }
    }

    private final Listing<Pod> pods;
    private final Listing<Container> containers;

    /** {@code root}: the file system root the log directories are under ({@code /}, or a fixture tree). */
    public KubeletNames(Path root) {
        this.pods = new Listing<>(root.resolve("var/log/pods"), KubeletNames::pod);
        this.containers = new Listing<>(root.resolve("var/log/containers"), KubeletNames::container);
    }

    /** The pod with UID {@code uid} (with dashes, as cgroups name it), or null when not known. */
    public Pod pod(String uid) {
        return pods.get(uid);
    }

    /** The container whose ID starts with {@code id} (12 hex digits), or null when not known. */
    public Container container(String id) {
        return containers.get(id);
    }

    /** {@code <namespace>_<pod>_<uid>}. */
    private static void pod(String name, Map<String, Pod> out) {
        String[] p = name.split("_", -1);
        if (p.length == 3 && !p[0].isEmpty() && !p[1].isEmpty()) {
            out.put(p[2], new Pod(SafeText.escape(p[0]), SafeText.escape(p[1])));
        }
    }

    /** {@code <pod>_<namespace>_<container>-<id>.log}. */
    private static void container(String name, Map<String, Container> out) {
        if (!name.endsWith(".log")) {
            return;
        }
        String[] p = name.substring(0, name.length() - ".log".length()).split("_", -1);
        int dash = p.length == 3 ? p[2].length() - ID_CHARS - 1 : -1;
        if (dash > 0 && p[2].charAt(dash) == '-' && !p[0].isEmpty() && !p[1].isEmpty()) {
            Pod pod = new Pod(SafeText.escape(p[1]), SafeText.escape(p[0]));
            out.put(p[2].substring(dash + 1, dash + 1 + SHORT_ID),
                    new Container(SafeText.escape(p[2].substring(0, dash)), pod));
        }
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
