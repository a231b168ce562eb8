package dev.ossops.apply.bucket;

import dev.ossops.apply.Step;
import dev.ossops.plan.Address;

import java.util.List;

/** A change OSS has no call for (an ACL or versioning cannot be removed); it fails with why, so the report says so. */
final class UnsupportedChangeStep implements Step {
    private final Address address;
    private final String why;

    UnsupportedChangeStep(Address address, String why) {
        this.address = address;
        this.why = why;
    }

    @Override
    public Address address() {
        return address;
    }

    @Override
    public List<Address> dependsOn() {
        return List.of();
    }

    @Override
    public String describe() {
        return "cannot apply " + address;
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException(why);
    }
}
