package dev.ossops.upload;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Holds transfer threads to the limit a {@link ParallelismController} sets: a thread takes a slot
 * before its transfer and gives it back with the bytes acknowledged, which is what the controller
 * measures. One instance is shared by every file of a run, so small files and the parts of large
 * ones draw on the same connections and the same measurements.
 */
public final class TransferSlots {
    private final ParallelismController controller;
    private int inFlight;

    public TransferSlots(ParallelismController controller) {
        this.controller = Objects.requireNonNull(controller, "controller");
    }

    public ParallelismController controller() {
        return controller;
    }

    /** Waits for a free slot; interrupted, it keeps the flag and throws. */
    public void acquire() {
        synchronized (this) {
            while (inFlight >= controller.limit()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransferException("interrupted", null, true, e);
                }
            }
            inFlight++;
        }
    }

    /** Gives a slot back; {@code bytes} acknowledged by the service, 0 when the transfer failed. */
    public void release(long bytes) {
        controller.completed(bytes);
        synchronized (this) {
            inFlight--;
            // The limit may have grown: every waiter looks again.
            notifyAll();
        }
    }

    /** The service throttled a transfer: fewer slots from now on. */
    public void throttled() {
        controller.throttled();
    }

    /** Runs {@code transfer} in a slot; its result's size is what {@code bytesOf} says. */
    public <T> T run(Supplier<T> transfer, ToLongFunction<T> bytesOf) {
        acquire();
        long bytes = 0;
        try {
            T result = transfer.get();
            bytes = bytesOf.applyAsLong(result);
            return result;
        } finally {
            release(bytes);
        }
    }
}
