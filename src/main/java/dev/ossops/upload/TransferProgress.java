package dev.ossops.upload;

/**
 * Byte-level progress of uploads and downloads, called from transfer threads (implementations
 * must be thread-safe). Names are file names or keys, never URLs.
 */
public interface TransferProgress {
    /** Nothing is reported (--quiet). */
    TransferProgress NONE = new TransferProgress() {
        @Override
        public void started(String name, long size) {}

        @Override
        public void transferred(String name, long bytes) {}

        @Override
        public void finished(String name, boolean ok) {}
    };

    /** A file of {@code size} bytes is about to be transferred. */
    void started(String name, long size);

    /**
     * {@code bytes} more bytes of {@code name} are done (resumed parts are reported once, up front);
     * negative when a failed attempt's bytes are taken back before it is retried.
     */
    void transferred(String name, long bytes);

    /** {@code name} is done, successfully or not. */
    void finished(String name, boolean ok);
}
