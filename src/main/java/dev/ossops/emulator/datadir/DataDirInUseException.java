package dev.ossops.emulator.datadir;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;

import java.nio.file.Path;
import java.util.Optional;

/** Another emulator serves the data dir: one data dir has one emulator, or they overwrite each other's state. */
public final class DataDirInUseException extends OssopsException {
    private final transient Path dataDir;
    private final transient Optional<ServingRecord> holder;

    DataDirInUseException(Path dataDir, Optional<ServingRecord> holder) {
        super(
                ErrorCode.DATA_DIR_IN_USE,
                "data dir " + dataDir + " is in use by "
                        + holder.map(ServingRecord::describe)
                                .orElse("another process (it holds " + DataDirLock.of(dataDir) + ")"));
        this.dataDir = dataDir;
        this.holder = holder;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** What the serving emulator recorded, when it has. */
    public Optional<ServingRecord> holder() {
        return holder;
    }
}
