package dev.ossops.apply;

import dev.ossops.plan.Address;
import dev.ossops.plan.LiveState;
import dev.ossops.plan.Observed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ossops.plan.Address.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LiveReaderTest {

    private static final LiveSource BUCKETS = new LiveSource() {
        @Override
        public boolean reads(Address address) {
            return address.kind() == Kind.BUCKET || address.kind() == Kind.TAGS;
        }

        @Override
        public Observed<?> read(Address address) {
            return address.kind() == Kind.TAGS ? Observed.absent() : Observed.found(address.owner());
        }
    };

    @Test
    void read_addresses_recordedInRequestOrder() {
        List<Address> addresses =
                List.of(Address.of(Kind.BUCKET, "z"), Address.of(Kind.TAGS, "z"), Address.of(Kind.BUCKET, "a"));

        LiveState state = new LiveReader(List.of(BUCKETS), 3).read(addresses);

        assertEquals(addresses, List.copyOf(state.observed().keySet()));
        assertEquals(
                Observed.found("z"), state.get(Address.of(Kind.BUCKET, "z")).orElseThrow());
        assertEquals(Observed.absent(), state.get(Address.of(Kind.TAGS, "z")).orElseThrow());
    }

    @Test
    void read_noSourceForAddress_unreadableWithReason() {
        Address role = Address.of(Kind.RAM_ROLE, "r");

        LiveState state = new LiveReader(List.of(BUCKETS), 2).read(List.of(role));

        assertEquals(
                Observed.unreadable("no live source reads ram.role.r in this build"),
                state.get(role).orElseThrow());
    }

    @Test
    void constructor_zeroParallelism_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LiveReader(List.of(), 0));
        assertEquals("parallelism must be at least 1, got 0", e.getMessage());
    }
}
