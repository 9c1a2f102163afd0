package org.jiotop.model;

import org.jiotop.linux.ListedIds;
import org.jiotop.linux.Scan;
import org.jiotop.linux.TaskExit;
import org.jiotop.linux.TaskSample;
import org.jiotop.linux.VmCounters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small model of how the kernel accounts I/O around exits, for property tests of
 * {@link TaskTracker}: processes of threads that read and write, fork, exit (each thread's report
 * queued as it ends) and are reaped (their whole I/O added to the parent's counters, as
 * /proc/PID/io is). Init (PID 1) reaps orphans and, like PID 1 here, is sampled as the sum of its
 * live threads. Scans see it all at one instant, as the scanner's settling promises; reports can
 * be delivered on time, a scan late, or lost.
 */
final class SimulatedKernel {
    enum Reports { ON_TIME, SOME_LATE, SOME_LOST }

    static final long S = 1_000_000_000L;

    private static final class Thread {
        final int tid;
        final long start;
        long read;
        long write;

        Thread(int tid, long start) {
            this.tid = tid;
            this.start = start;
        }
    }

    private static final class Process {
        final int pid;
        int ppid;
        final long start;
        final Thread leader;
        final List<Thread> threads = new ArrayList<>();
        boolean leaderExited;
        /** The scan after which it became a zombie; -1 while it runs. */
        int zombieSince = -1;
        long deadRead;
        long deadWrite;
        long reapedRead;
        long reapedWrite;
        /** Own bytes (all its threads') when the tracker first saw it; -1 before. */
        long readAtFirstScan = -1;
        long writeAtFirstScan = -1;

        Process(int pid, int ppid, long start) {
            this.pid = pid;
            this.ppid = ppid;
            this.start = start;
            this.leader = new Thread(pid, start);
            threads.add(leader);
        }

        boolean zombie() {
            return threads.isEmpty();
        }

        long ownRead() {
            long r = deadRead;
            for (Thread t : threads) {
                r += t.read;
            }
            return r;
        }

        long ownWrite() {
            long w = deadWrite;
            for (Thread t : threads) {
                w += t.write;
            }
            return w;
        }
    }

    private final SplittableRandom random;
    private final boolean processes;
    private final Reports reports;
    private final Map<Integer, Process> listed = new LinkedHashMap<>();
    /** Every process ever, by PID (PIDs are not reused here). */
    private final Map<Integer, Process> all = new LinkedHashMap<>();
    /** Thread mode: every thread ever, with its bytes when first scanned (-1: born after). */
    private final Map<Integer, long[]> threadsAtFirstScan = new LinkedHashMap<>();
    private final Map<Integer, Thread> allThreads = new LinkedHashMap<>();
    /** What processes had done before the first scan that their counters hold but not their live threads. */
    private long history;
    private List<TaskExit> queued = new ArrayList<>();
    private List<TaskExit> late = new ArrayList<>();
    private long lost;
    private long lateBytes;
    private long now;
    private int nextId = 100;
    private boolean scanned;
    /** How often each kind of interleaving came up, for a test to check that they all do. */
    private final Map<String, Integer> cases = new LinkedHashMap<>();
    private int scans;

    SimulatedKernel(long seed, boolean processes, Reports reports) {
        this.random = new SplittableRandom(seed);
        this.processes = processes;
        this.reports = reports;
        now = 5 * S;
        Process init = new Process(1, 0, 0);
        listed.put(1, init);
        all.put(1, init);
        allThreads.put(1, init.leader);
        // Some processes with a history before the first scan: exited threads, reaped children.
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            Process p = fork(1);
            for (int k = 0; k < 3; k++) {
                act();
            }
            if (random.nextBoolean()) {
                p.deadWrite += 1000;
                p.reapedWrite += 7000;
            }
        }
        queued.clear();
    }

    long now() {
        return now;
    }

    private int id() {
        return nextId++;
    }

    private Process fork(int parent) {
        Process p = new Process(id(), parent, now);
        listed.put(p.pid, p);
        all.put(p.pid, p);
        allThreads.put(p.pid, p.leader);
        return p;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private List<Process> live() {
        List<Process> out = new ArrayList<>();
        for (Process p : listed.values()) {
            if (!p.zombie()) {
                out.add(p);
            }
        }
        return out;
    }

    private void report(Process p, Thread t) {
        // An exit report's start comes from the task's age as the report is read: a little later.
        queued.add(new TaskExit(new TaskSample(t.tid, p.pid, p.ppid, t.start + random.nextLong(5_000_000), 0, false,
                t.read, t.write, 0, 0, 0), ("t" + t.tid).getBytes(StandardCharsets.US_ASCII)));
    }

    private void threadExit(Process p, Thread t) {
        report(p, t);
        p.deadRead += t.read;
        p.deadWrite += t.write;
        p.threads.remove(t);
        if (t == p.leader) {
            p.leaderExited = true;
        }
        if (p.zombie()) {
            p.zombieSince = scans;
            // Its zombie children were reaped first (a shell waits for them); live ones go to init.
            for (Process c : new ArrayList<>(listed.values())) {
                if (c.ppid == p.pid && c.zombie()) {
                    reap(c);
                }
            }
            for (Process c : listed.values()) {
                if (c.ppid == p.pid) {
                    c.ppid = 1;
                }
            }
        }
    }

    private void reap(Process c) {
        Process parent = listed.get(c.ppid);
        if (scanned) {
            count(c.zombieSince == scans ? "ended and reaped between two scans" : "reaped after scans saw it a zombie");
            count(parent.pid == 1 ? "reaped by init" : "reaped by its parent");
        }
        parent.reapedRead += c.ownRead() + c.reapedRead;
        parent.reapedWrite += c.ownWrite() + c.reapedWrite;
        listed.remove(c.pid);
    }

    /** One random event. */
    private void act() {
        now += 1 + random.nextLong(S / 16);
        List<Process> live = live();
        int what = random.nextInt(100);
        if (what < 12 && listed.size() < 40) {
            fork(random.nextInt(5) == 0 ? 1 : pick(live).pid);
        } else if (what < 20) {
            Process p = pick(live);
            if (p.pid != 1 && p.threads.size() < 5) {
                Thread t = new Thread(id(), now);
                p.threads.add(t);
                allThreads.put(t.tid, t);
            }
        } else if (what < 60) {
            Thread t = pick(pick(live).threads);
            t.read += random.nextInt(3) == 0 ? random.nextInt(1 << 16) : 0;
            t.write += 1 + random.nextInt(1 << 20);
        } else if (what < 72) {
            Process p = pick(live);
            if (p.pid != 1) {
                threadExit(p, pick(p.threads));
            }
        } else if (what < 82) {
            Process p = pick(live);
            if (p.pid != 1) {
                for (Thread t : new ArrayList<>(p.threads)) {
                    threadExit(p, t);
                }
            }
        } else {
            List<Process> zombies = new ArrayList<>();
            for (Process p : listed.values()) {
                if (p.zombie()) {
                    zombies.add(p);
                }
            }
            if (!zombies.isEmpty()) {
                reap(pick(zombies));
            }
        }
    }

    /** Up to {@code maxEvents} events, then a scan of everything at one instant. */
    Scan step(int maxEvents) {
        for (int i = 0, n = random.nextInt(maxEvents + 1); i < n; i++) {
            act();
        }
        return scan();
    }

    /** A scan after nothing happened: what is late arrives. */
    Scan quiet() {
        return scan();
    }

    private void count(String what) {
        cases.merge(what, 1, Integer::sum);
    }

    Map<String, Integer> cases() {
        return cases;
    }

    private Scan scan() {
        now += S / 16;
        scans++;
        for (Process p : listed.values()) {
            if (p.leaderExited && !p.zombie()) {
                count("leader ended, threads run on");
            }
            if (p.threads.size() > 1) {
                count("several threads");
            }
        }
        List<TaskExit> exits = new ArrayList<>(late);
        late = new ArrayList<>();
        for (TaskExit e : queued) {
            if (scanned) {
                count(listed.containsKey(e.last().tgid()) ? "report while listed" : "report after it left the listing");
            }
            if (reports == Reports.SOME_LATE && random.nextInt(4) == 0) {
                late.add(e);
                lateBytes += e.last().writeBytes();
            } else if (reports == Reports.SOME_LOST && random.nextInt(6) == 0) {
                lost++;
            } else {
                exits.add(e);
            }
        }
        queued = new ArrayList<>();
        List<TaskSample> tasks = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        if (!scanned) {
            for (Process p : all.values()) {
                p.readAtFirstScan = p.ownRead();
                p.writeAtFirstScan = p.ownWrite();
                if (listed.containsKey(p.pid)) {
                    history += p.deadWrite + p.reapedWrite;
                }
            }
        }
        for (Process p : listed.values()) {
            if (processes) {
                boolean init = p.pid == 1;
                long read = init ? p.leader.read : p.ownRead() + p.reapedRead;
                long write = init ? p.leader.write : p.ownWrite() + p.reapedWrite;
                tasks.add(new TaskSample(p.pid, p.pid, p.ppid, p.start, 0, !init, read, write, 0, 0, 0));
                ids.add(p.pid);
            } else {
                List<Thread> shown = new ArrayList<>(p.threads);
                if (p.leaderExited) {
                    shown.add(0, p.leader); // a zombie leader stays listed, with its final counters
                }
                for (Thread t : shown) {
                    tasks.add(new TaskSample(t.tid, p.pid, p.ppid, t.start, 0, false, t.read, t.write, 0, 0, 0));
                    ids.add(t.tid);
                }
            }
        }
        if (!scanned) {
            for (Thread t : allThreads.values()) {
                threadsAtFirstScan.put(t.tid, new long[]{t.read, t.write});
            }
        }
        scanned = true;
        ListedIds listed = ListedIds.of(ids.stream().mapToInt(Integer::intValue).toArray());
        return new Scan(now, processes, tasks, listed, exits, reports == Reports.SOME_LOST ? lost : 0,
                new VmCounters(0, 0), true, new java.util.BitSet());
    }

    /** Bytes written by task {@code id} since the first scan (or its start, if later). */
    long writtenSinceWatched(int id) {
        if (processes) {
            Process p = all.get(id);
            return p.ownWrite() - Math.max(0, p.writeAtFirstScan);
        }
        long[] first = threadsAtFirstScan.get(id);
        return allThreads.get(id).write - (first == null ? 0 : first[1]);
    }

    long readSinceWatched(int id) {
        if (processes) {
            Process p = all.get(id);
            return p.ownRead() - Math.max(0, p.readAtFirstScan);
        }
        long[] first = threadsAtFirstScan.get(id);
        return allThreads.get(id).read - (first == null ? 0 : first[0]);
    }

    /** Whether task {@code id} started after the first scan. */
    boolean bornWatched(int id) {
        return processes ? all.get(id).writeAtFirstScan < 0 : !threadsAtFirstScan.containsKey(id);
    }

    /** Every task that ever did I/O while watched. */
    List<Integer> tasksEver() {
        return new ArrayList<>(processes ? all.keySet() : allThreads.keySet());
    }

    /**
     * What the processes alive at the first scan had in their counters beyond their live
     * threads' bytes (exited threads, reaped children): a tracker cannot know it.
     */
    long historyBeforeFirstScan() {
        return processes ? history : 0;
    }

    /** Bytes written by the tasks whose reports came a scan late. */
    long lateBytes() {
        return lateBytes;
    }

    /** How many processes are listed now. */
    int listedProcesses() {
        return listed.size();
    }
}
