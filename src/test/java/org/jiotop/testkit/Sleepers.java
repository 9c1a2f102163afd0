package org.jiotop.testkit;

import java.util.concurrent.CountDownLatch;

/**
 * A child process for benchmarks: starts N threads that sleep until the process is killed, prints
 * "ready" once they all run. Arguments: N.
 */
public final class Sleepers {
    private Sleepers() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        CountDownLatch started = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            Thread.ofPlatform().stackSize(64 * 1024).daemon().start(() -> {
                started.countDown();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        started.await();
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
