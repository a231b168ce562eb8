package dev.ossops.bench;

/**
 * The root key of the emulator a benchmark script started: the scripts export it with
 * {@code eval "$(java -jar target/ossops.jar emulator credentials --data-dir DIR)"}, as any script would.
 */
final class BenchRootKey {
    static final String ID_VARIABLE = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    static final String SECRET_VARIABLE = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

    private BenchRootKey() {}

    static String id() {
        return required(ID_VARIABLE);
    }

    static String secret() {
        return required(SECRET_VARIABLE);
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: export the emulator's credentials first"
                    + " (eval \"$(java -jar target/ossops.jar emulator credentials --data-dir DIR)\")");
        }
        return value;
    }
}
