package dev.ossops.apply.ram;

import dev.ossops.cloud.ram.RamModel;
import dev.ossops.plan.Live;
import dev.ossops.plan.Observed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Gateway model -> the documented Live values. */
class RamLiveSourceTest {

    @Test
    void attachments_principalMissing_absent() {
        assertEquals(Observed.absent(), RamLiveSource.attachments(Optional.empty()));
    }

    @Test
    void attachments_systemAndCustom_typed() {
        assertEquals(
                Observed.found(new Live.Attachments(Set.of(
                        new Live.Attachment("AppRW", Live.PolicyType.CUSTOM),
                        new Live.Attachment("AliyunOSSReadOnlyAccess", Live.PolicyType.SYSTEM)))),
                RamLiveSource.attachments(Optional.of(List.of(
                        new RamModel.AttachedPolicy("AppRW", "Custom"),
                        new RamModel.AttachedPolicy("AliyunOSSReadOnlyAccess", "System")))));
    }

    @Test
    void attachments_unknownPolicyType_unrepresentable() {
        assertEquals(
                Observed.unrepresentable(
                        "policy Shared is attached with PolicyType Resource; only System and Custom are known"),
                RamLiveSource.attachments(Optional.of(List.of(new RamModel.AttachedPolicy("Shared", "Resource")))));
    }

    @Test
    void role_fields_mapped() {
        assertEquals(
                new Live.RamRole("{}", Optional.of(3600L), Optional.empty()),
                RamLiveSource.role(
                        new RamModel.Role("r", "acs:ram::1:role/r", "{}", Optional.of(3600L), Optional.empty())));
    }
}
