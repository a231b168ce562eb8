package dev.ossops.apply;

import dev.ossops.plan.Address;
import dev.ossops.plan.Observed;

/**
 * Reads one family of live configurations (buckets, RAM, CDN) through a cloud gateway. The
 * reader asks only for the addresses {@link dev.ossops.plan.LiveQuery} lists, so what a profile
 * does not manage is never read. A failed read is {@link Observed.Unreadable}, never an exception:
 * one bad read must not stop the plan.
 */
public interface LiveSource {

    /** Whether this source reads {@code address}. */
    boolean reads(Address address);

    /** The live value at {@code address}, in the type {@code docs/plan-format.md} documents for it. */
    Observed<?> read(Address address);
}
