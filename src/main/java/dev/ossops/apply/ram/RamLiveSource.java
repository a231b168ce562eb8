package dev.ossops.apply.ram;

import dev.ossops.apply.LiveSource;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;
import dev.ossops.plan.Address;
import dev.ossops.plan.Live;
import dev.ossops.plan.Observed;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.ossops.plan.Address.Kind;

/**
 * Reads custom RAM policies, roles, users and the policies attached to roles and users, as the {@code Live.*} values
 * docs/plan-format.md documents for each address.
 */
public final class RamLiveSource implements LiveSource {
    private static final Set<Kind> KINDS =
            EnumSet.of(Kind.RAM_POLICY, Kind.RAM_ROLE, Kind.RAM_USER, Kind.ROLE_ATTACHMENTS, Kind.USER_ATTACHMENTS);

    private final RamGateway gateway;

    public RamLiveSource(RamGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public boolean reads(Address address) {
        return KINDS.contains(address.kind());
    }

    @Override
    public Observed<?> read(Address address) {
        try {
            return switch (address.kind()) {
                case RAM_POLICY -> policy(address.owner());
                case RAM_ROLE -> of(gateway.role(address.owner()).map(RamLiveSource::role));
                case RAM_USER -> of(gateway.user(address.owner()).map(u -> new Live.RamUser(u.displayName())));
                case ROLE_ATTACHMENTS ->
                    attachments(gateway.attachedPolicies(RamGateway.Principal.ROLE, address.owner()));
                case USER_ATTACHMENTS ->
                    attachments(gateway.attachedPolicies(RamGateway.Principal.USER, address.owner()));
                default -> throw new IllegalArgumentException("RamLiveSource does not read " + address);
            };
        } catch (CloudException e) {
            // The message names the call and carries CloudErrors.describe of the cause, which cuts secrets out.
            return Observed.unreadable(String.valueOf(e.getMessage()));
        }
    }

    private Observed<?> policy(String name) {
        Optional<RamModel.Policy> policy = gateway.policy(name, RamGateway.CUSTOM);
        if (policy.isEmpty()) {
            return Observed.absent();
        }
        Optional<List<RamModel.PolicyVersion>> versions = gateway.policyVersions(name);
        if (versions.isEmpty()) {
            return Observed.unreadable("ListPolicyVersions " + name + ": the policy disappeared while it was read");
        }
        RamModel.Policy p = policy.get();
        return Observed.found(new Live.RamPolicy(
                p.defaultDocument(),
                p.defaultVersionId(),
                versions.get().stream().map(RamModel.PolicyVersion::versionId).toList(),
                p.description()));
    }

    static Live.RamRole role(RamModel.Role r) {
        return new Live.RamRole(r.trustDocument(), r.maxSessionDuration(), r.description());
    }

    static Observed<?> attachments(Optional<List<RamModel.AttachedPolicy>> attached) {
        if (attached.isEmpty()) {
            return Observed.absent();
        }
        Set<Live.Attachment> out = new HashSet<>();
        for (RamModel.AttachedPolicy a : attached.get()) {
            Optional<Live.PolicyType> type = policyType(a.policyType());
            if (type.isEmpty()) {
                return Observed.unrepresentable("policy " + a.policyName() + " is attached with PolicyType "
                        + a.policyType() + "; only System and Custom are known");
            }
            out.add(new Live.Attachment(a.policyName(), type.get()));
        }
        return Observed.found(new Live.Attachments(out));
    }

    static Optional<Live.PolicyType> policyType(String wire) {
        for (Live.PolicyType t : Live.PolicyType.values()) {
            if (t.wire().equals(wire)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static <T> Observed<T> of(Optional<T> value) {
        return value.map(Observed::found).orElseGet(Observed::absent);
    }
}
