package org.jiotop.cli;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs a jiotop command on a thread of its own. Not the common fork-join pool: on two cores it
 * runs one task at a time, so a run left over from one test would hold up the next.
 * {@link CompletableFuture#cancel} interrupts the thread, which ends a batch or exporter loop.
 */
final class Background<T> extends CompletableFuture<T> {
    private Thread thread;

    static <T> Background<T> run(Supplier<T> work) {
        Background<T> f = new Background<>();
        f.thread = Thread.ofPlatform().daemon().name("jiotop-under-test").start(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    @Override
    public boolean cancel(boolean mayInterrupt) {
        thread.interrupt();
        return super.cancel(mayInterrupt);
    }

    /** Waits for the thread itself to end (after a cancel, the future is done before the thread). */
    @Override
    public T join() {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return isCancelled() ? null : super.join();
    }
}
