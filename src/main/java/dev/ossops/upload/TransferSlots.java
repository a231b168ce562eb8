package dev.ossops.upload;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;

/**
 * Holds transfer threads to the limit a {@link ParallelismController} sets: a thread takes a slot
 * before its transfer, reports the bytes it moves on the slot's
 * {@link ParallelismController.Transfer} (what the controller measures) and gives the slot back
 * with the bytes acknowledged. One instance is shared by every file of a run, so small files and
 * the parts of large ones draw on the same connections and the same measurements.
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

    /**
     * Waits for a free slot and answers the transfer in it, to report its bytes on and to
     * {@link #release}; interrupted, it keeps the flag and throws.
     */
    public ParallelismController.Transfer acquire() {
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
        return controller.begin();
    }

    /** Gives a slot back; {@code bytes} acknowledged by the service, 0 when the transfer failed. */
    public void release(ParallelismController.Transfer transfer, long bytes) {
        controller.completed(transfer, bytes);
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

    /**
     * Runs {@code transfer} in a slot, handing it what to report its bytes to as they move
     * (negative to take a failed attempt's back); its result's size is what {@code bytesOf} says.
     */
    public <T> T run(Function<LongConsumer, T> transfer, ToLongFunction<T> bytesOf) {
        ParallelismController.Transfer slot = acquire();
        long bytes = 0;
        try {
            T result = transfer.apply(slot::moved);
            bytes = bytesOf.applyAsLong(result);
            return result;
        } finally {
            release(slot, bytes);
        }
    }
}
