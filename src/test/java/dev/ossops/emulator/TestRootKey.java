package dev.ossops.emulator;

import dev.ossops.emulator.datadir.RootKey;

/**
 * The fixed root key tests give their emulators through {@link EmulatorConfig.Builder#rootKey}, so
 * clients and environment maps can be built before an emulator starts. Shipped code has no fixed
 * key: every data dir gets a random one.
 */
public final class TestRootKey {
    public static final String ID = "LTAI5tOssopsTestRootKey1";
    public static final String SECRET = "OssopsTestsOnlyRootSecret00001";
    public static final RootKey KEY = new RootKey(ID, SECRET);

    private TestRootKey() {}
}
