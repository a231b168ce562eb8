package dev.ossops.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version from the jar manifest, so it always matches the build, and the commit the build was made from, which
 * the build asks git for and writes to {@value #GIT_PROPERTIES} (pom.xml, execution commit-id). A build without
 * {@code .git} (a source tarball) writes no id, and a class path without the file has none: the commit is then
 * "unknown" rather than a failure.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    static final String GIT_PROPERTIES = "/ossops-git.properties";

    @Override
    public String[] getVersion() {
        return new String[] {line(Main.class.getPackage().getImplementationVersion(), commit(GIT_PROPERTIES))};
    }

    static String line(String version, String commit) {
        return "ossops " + (version == null ? "development build" : version) + " (commit " + commit + ")";
    }

    /** The abbreviated commit id in the given class-path resource, or "unknown" when it is absent or empty. */
    static String commit(String resource) {
        try (InputStream in = VersionProvider.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String id = properties.getProperty("git.commit.id.abbrev", "").strip();
            // Only a hex id: a hand-edited or corrupt file must not put arbitrary text in the version line.
            return id.matches("[0-9a-f]{4,40}") ? id : "unknown";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
