package dev.ossops.emulator.fault;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of OSS requests received, per API name, and of the part numbers received per upload
 * id (UploadPart and UploadPartCopy), counted on arrival whatever the outcome: a resumed upload
 * can be shown to re-send only its missing parts. One instance per emulator.
 */
public final class RequestStats {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> parts = new ConcurrentHashMap<>();

    public void request(String api) {
        requests.computeIfAbsent(api, a -> new LongAdder()).increment();
    }

    public void part(String uploadId, int partNumber) {
        parts.computeIfAbsent(uploadId, u -> new CopyOnWriteArrayList<>()).add(partNumber);
    }

    /** A consistent-enough copy for assertions and the stats endpoint, sorted by name. */
    public Snapshot snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((api, n) -> counts.put(api, n.sum()));
        Map<String, List<Integer>> received = new TreeMap<>();
        parts.forEach((upload, numbers) -> received.put(upload, List.copyOf(numbers)));
        return new Snapshot(counts, received);
    }

    public void reset() {
        requests.clear();
        parts.clear();
    }

    /**
     * @param requests      requests received per API name
     * @param partsReceived part numbers received per upload id, in arrival order (repeats included)
     */
    public record Snapshot(Map<String, Long> requests, Map<String, List<Integer>> partsReceived) {
        public Snapshot {
            requests = Map.copyOf(requests);
            partsReceived = Map.copyOf(partsReceived);
        }

        public long requests(String api) {
            return requests.getOrDefault(api, 0L);
        }

        public List<Integer> parts(String uploadId) {
            return partsReceived.getOrDefault(uploadId, List.of());
        }
    }
}
