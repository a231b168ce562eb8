package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.config.BucketConfigCodec;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.service.ReplicationService;

/** {@code ?replication} (comp=add / comp=delete / GET), {@code ?replicationLocation}, {@code ?replicationProgress}. */
public final class ReplicationRoutes {
    private final ReplicationService replication;

    public ReplicationRoutes(ReplicationService replication) {
        this.replication = replication;
    }

    Reply post(OssRequest r, Caller caller) {
        String comp = r.param("comp");
        if ("add".equals(comp)) {
            replication.add(caller, r.requireBucket(), () -> r.document(DocumentLimits.RULES));
            return Reply.empty(200);
        }
        if ("delete".equals(comp)) {
            replication.delete(caller, r.requireBucket(), () -> r.document(DocumentLimits.SETTINGS));
            return Reply.empty(200);
        }
        throw new OssException(OssError.INVALID_ARGUMENT, "comp must be add or delete for ?replication.");
    }

    Reply get(OssRequest r, Caller caller) {
        return xml(replication.get(caller, r.requireBucket()));
    }

    Reply location(OssRequest r, Caller caller) {
        return xml(replication.location(caller, r.requireBucket()));
    }

    Reply progress(OssRequest r, Caller caller) {
        return xml(replication.progress(caller, r.requireBucket(), r.param("rule-id")));
    }

    private static Reply xml(BucketConfigCodec.StoredConfig document) {
        return Reply.bytes(200, document.contentType(), document.body());
    }
}
