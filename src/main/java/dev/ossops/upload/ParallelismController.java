package dev.ossops.upload;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * How many transfers (parts, small files, ranged GETs) may be in flight, decided from what the
 * link delivers. Pinned ({@code --parallel N}) it always answers N. Adaptive, it runs this loop:
 * <ol>
 *   <li><b>Start safe:</b> {@value #START} in flight, what a shared or slow link takes without
 *       harm and the order of what peers send unmeasured (ali-oss and OBS's obsutil 5, the AWS
 *       CLI 10). It was 4, the former fixed default: on a link whose connections each carry a
 *       tenth of it (the benchmark's {@code wan}), the window at 4 left 0.4 s of a 2 GiB upload's
 *       8.5 s of link time unused, the difference between 0.85 of the link and less.</li>
 *   <li><b>Measure:</b> a window runs from the last change of the limit until as many transfers
 *       as the limit (at least two) have completed, so it spans about one transfer's time at the
 *       current concurrency; its rate is the bytes moved inside it, by every transfer in flight,
 *       over its time. Transfers report bytes as they move ({@link Transfer#moved}: read from the
 *       file into an upload's request, read from a ranged GET's body), so each byte counts once,
 *       in the window it moved in, whether its transfer completes in that window or not: the
 *       estimate is unbiased. Counted whole at completion, transfers under way when a window began
 *       counted in it and those under way at its end did not; that cancels only while every
 *       connection keeps one pace. Where the link shares its total unevenly, completions stagger
 *       and the window that should show a gain shows none (simulated: a {@code far}-like link
 *       sharing first come first served held 8 in flight where 12 fill it, as one benchmark round
 *       on {@code far} did). Counting a completed transfer only for its share of the window
 *       (tried, reverted) still drops the transfers under way at its end. Bytes are counted when
 *       handed to the connection, not when acknowledged: what sits in a socket buffer (one per
 *       connection at most) counts a little early, as much at a window's end as at its start.
 *       Bytes acknowledged but never reported (a store without progress) count at completion.
 *       A failure's bytes moved in the current window are taken out of it (at a failed attempt,
 *       before its retry, and at a failed transfer): they did not arrive. Those moved in earlier
 *       windows stay: those windows have decided, and the link did carry them.</li>
 *   <li><b>Probe:</b> while a window delivers at least {@code 1 + GAIN} times the best rate seen,
 *       the limit doubles (up to {@value #MAX}): on a link limited per connection (window, RTT),
 *       throughput grows with connections until the link's total is reached.</li>
 *   <li><b>Plateau:</b> the first window that does not gain returns to the smallest limit that
 *       reached the best rate and holds it: more connections would only share the same total.</li>
 *   <li><b>Throttled</b> (503 SlowDown, QPS or bandwidth limits, 429): the limit halves (rounded
 *       up: 3 becomes 2, not 1). Not again
 *       until as many transfers have completed as were in flight at the decrease: they were sent
 *       too fast already and meet the same throttle together (and their retries after it).
 *       Then each window without throttling, of at least a second (OSS counts QPS per second),
 *       adds one, up to the plateau once known (additive increase, multiplicative decrease, as TCP
 *       does with congestion).</li>
 * </ol>
 * Thread-safe. Decisions only: {@link TransferSlots} holds threads to the limit.
 */
public final class ParallelismController {
    /** Transfers in flight before anything is measured. */
    public static final int START = 8;
    /** The most transfers in flight the controller grows to (and the SDK's connection pool size). */
    public static final int MAX = 32;
    /** How much better a window must be to count as rising: smaller differences are noise. */
    static final double GAIN = 0.05;
    /**
     * The shortest window while recovering from throttling: OSS counts its QPS limits per second
     * (its 503 page), so a shorter window without throttling says nothing about the next second.
     */
    static final long RECOVERY_WINDOW_NANOS = 1_000_000_000L;

    private enum Phase {
        PROBING,
        HOLDING,
        RECOVERING,
        PINNED
    }

    private final LongSupplier nanoTime;
    private Phase phase;
    private int limit;
    private double bestRate;
    private int bestLimit;
    private boolean plateauKnown;
    private long windowStart;
    /** Counts windows, so a transfer knows whether its bytes counted so far are in this one. */
    private long windowNumber;
    /** Bytes moved in this window by the transfers in flight and done, net of failures. */
    private long windowBytes;

    private int windowCompletions;
    private boolean throttledThisWindow;
    /** Completions still to come from transfers sent before the last decrease: their throttling is old news. */
    private int sentBeforeDecrease;

    private ParallelismController(LongSupplier nanoTime, Phase phase, int limit) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.phase = phase;
        this.limit = limit;
        this.bestLimit = limit;
        this.windowStart = nanoTime.getAsLong();
    }

    /** Always {@code parallel} in flight, whatever is measured or throttled. */
    public static ParallelismController pinned(int parallel) {
        if (parallel < 1 || parallel > 64) {
            throw new UploadException("--parallel must be between 1 and 64, got " + parallel);
        }
        return new ParallelismController(() -> 0, Phase.PINNED, parallel);
    }

    /** Pinned to {@code parallel} when given (an explicit {@code --parallel}), else adaptive on the system clock. */
    public static ParallelismController of(OptionalInt parallel) {
        return parallel.isPresent() ? pinned(parallel.getAsInt()) : adaptive(System::nanoTime);
    }

    /** Starts at {@value #START} and adapts, on the monotonic clock {@code nanoTime}. */
    public static ParallelismController adaptive(LongSupplier nanoTime) {
        return adaptive(nanoTime, START);
    }

    /** Starts at {@code start}: the rules are the same from any start (tests state theirs). */
    static ParallelismController adaptive(LongSupplier nanoTime, int start) {
        return new ParallelismController(nanoTime, Phase.PROBING, start);
    }

    /** Transfers that may be in flight now. */
    public synchronized int limit() {
        return limit;
    }

    /** The most this controller will ever allow: the size of thread and connection pools. */
    public int ceiling() {
        return phase == Phase.PINNED ? limit : MAX;
    }

    public boolean pinned() {
        return phase == Phase.PINNED;
    }

    /**
     * One transfer in a slot, from {@link #begin()} to {@link #completed}: what it moves counts in
     * the window it moves in.
     */
    public final class Transfer {
        /** Bytes reported so far, net of what failed attempts took back. */
        private long moved;
        /** Of those, the bytes counted in window {@link #window}. */
        private long inWindow;

        private long window = -1;

        private Transfer() {}

        /**
         * {@code bytes} more have moved; negative when a failed attempt's bytes are taken back
         * before it is retried.
         */
        public void moved(long bytes) {
            if (!pinned()) { // pinned measures nothing: no lock per read
                ParallelismController.this.moved(this, bytes);
            }
        }
    }

    /** A transfer begins: report its bytes on what this answers, and end it with {@link #completed}. */
    public Transfer begin() {
        return new Transfer();
    }

    private synchronized void moved(Transfer transfer, long bytes) {
        if (phase == Phase.PINNED) {
            return;
        }
        inThisWindow(transfer);
        transfer.moved += bytes;
        // Taken back, only what counted here: earlier windows have decided already.
        long counted = bytes >= 0 ? bytes : -Math.min(-bytes, transfer.inWindow);
        transfer.inWindow += counted;
        windowBytes += counted;
    }

    private void inThisWindow(Transfer transfer) {
        if (transfer.window != windowNumber) {
            transfer.window = windowNumber;
            transfer.inWindow = 0;
        }
    }

    /**
     * {@code transfer} finished with {@code acknowledged} bytes (0 for a failure: its bytes in this
     * window are taken out).
     */
    public synchronized void completed(Transfer transfer, long acknowledged) {
        if (phase == Phase.PINNED) {
            return;
        }
        inThisWindow(transfer);
        windowBytes += acknowledged > 0 ? Math.max(0, acknowledged - transfer.moved) : -transfer.inWindow;
        transfer.inWindow = 0;
        windowCompletions++;
        sentBeforeDecrease = Math.max(0, sentBeforeDecrease - 1);
        long elapsed = Math.max(1, nanoTime.getAsLong() - windowStart);
        if (windowCompletions < Math.max(2, limit) || (phase == Phase.RECOVERING && elapsed < RECOVERY_WINDOW_NANOS)) {
            return;
        }
        double rate = (double) windowBytes / elapsed;
        boolean throttled = throttledThisWindow;
        switch (phase) {
            case PROBING -> probe(rate);
            case RECOVERING -> {
                if (!throttled) {
                    limit = Math.min(plateauKnown ? bestLimit : MAX, limit + 1);
                }
            }
            case HOLDING, PINNED -> {}
        }
        startWindow();
    }

    private void probe(double rate) {
        if (rate >= bestRate * (1 + GAIN)) {
            bestRate = rate;
            bestLimit = limit;
            if (limit < MAX) {
                limit = Math.min(MAX, limit * 2);
                return;
            }
        }
        limit = bestLimit;
        plateauKnown = true;
        phase = Phase.HOLDING;
    }

    /** The service answered a transfer with a throttling error (it will be retried). */
    public synchronized void throttled() {
        if (phase == Phase.PINNED || throttledThisWindow || sentBeforeDecrease > 0) {
            return;
        }
        sentBeforeDecrease = limit;
        limit = Math.max(1, (limit + 1) / 2);
        if (plateauKnown) {
            bestLimit = Math.min(bestLimit, Math.max(limit * 2 - 1, 1));
        }
        phase = Phase.RECOVERING;
        startWindow();
        throttledThisWindow = true;
    }

    private void startWindow() {
        windowStart = nanoTime.getAsLong();
        windowNumber++;
        windowBytes = 0;
        windowCompletions = 0;
        throttledThisWindow = false;
    }
}
