package dev.ossops.apply;

import dev.ossops.plan.Address;
import dev.ossops.plan.LiveState;
import dev.ossops.plan.Observed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a list of addresses through the live sources with bounded concurrency and records them in reading order.
 * An address no source reads is recorded unreadable with that reason, never skipped silently.
 */
public final class LiveReader {
    private final List<LiveSource> sources;
    private final int parallelism;

    public LiveReader(List<LiveSource> sources, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.sources = List.copyOf(sources);
        this.parallelism = parallelism;
    }

    public LiveState read(List<Address> addresses) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, addresses.size())));
        try {
            List<Future<Observed<?>>> futures = new ArrayList<>();
            for (Address address : addresses) {
                futures.add(pool.submit(() -> readOne(address)));
            }
            LiveState.Builder state = LiveState.builder();
            for (int i = 0; i < addresses.size(); i++) {
                state.put(addresses.get(i), await(futures.get(i)));
            }
            return state.build();
        } finally {
            pool.shutdownNow();
        }
    }

    private Observed<?> readOne(Address address) {
        Optional<LiveSource> source =
                sources.stream().filter(s -> s.reads(address)).findFirst();
        return source.<Observed<?>>map(s -> s.read(address))
                .orElseGet(() -> Observed.unreadable("no live source reads " + address + " in this build"));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading live state", e);
        } catch (ExecutionException e) {
            // Sources never throw for a failed read; anything here is a bug and must not be hidden.
            throw new IllegalStateException(
                    "live read failed unexpectedly: " + String.valueOf(e.getCause()), e.getCause());
        }
    }
}
