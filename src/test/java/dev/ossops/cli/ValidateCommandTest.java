package dev.ossops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateCommandTest {

    private static final String HEADER = "apiVersion: ossops/v1\nkind: Profile\nname: test\nregion: cn-hangzhou\n";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void validate_shippedLocalProfile_printsValidAndExitsZero() {
        int exit = run("validate", "-p", "profiles/local.yaml");

        assertEquals(ExitCodes.OK, exit);
        assertEquals("profiles/local.yaml: valid\n", out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void validate_shippedExampleProfile_printsValidAndExitsZero() {
        int exit = run("validate", "--profile", "profiles/example-prod.yaml");

        assertEquals(ExitCodes.OK, exit);
        assertEquals("profiles/example-prod.yaml: valid\n", out.toString());
    }

    @Test
    void validate_errorsAndWarnings_printsEveryProblemAndSummaryAndExitsOne() throws IOException {
        Path profile = write(
                "p.yaml",
                HEADER + "buckets:\n  my-bucket:\n    acl: privat\n    versioning: Enabled\n"
                        + "uploader: {bucket: my-bucket, urlExpiresSeconds: 0}\n");

        int exit = run("validate", "-p", profile.toString());

        assertEquals(ExitCodes.ERROR, exit);
        assertEquals(
                profile + ":7:10: error: buckets.my-bucket.acl: 'privat' is not a valid ACL (did you mean 'private'?); "
                        + "accepted: private, public-read, public-read-write\n"
                        + profile
                        + ":8:17: warning: buckets.my-bucket.versioning: versioning is Enabled but no lifecycle rule sets "
                        + "NoncurrentVersionExpiration; previous versions are kept and billed forever\n"
                        + profile
                        + ":9:50: error: uploader.urlExpiresSeconds: must be between 1 and 604800 (7 days, the V1 signed URL "
                        + "limit), got 0\n"
                        + profile + ": 2 errors, 1 warning\n",
                out.toString());
    }

    @Test
    void validate_relativeProfile_namesReferencedFilesFromTheProfileDirectory() {
        int exit = run("validate", "-p", "src/test/resources/spec/relative/profiles/profile.yaml");

        assertEquals(ExitCodes.ERROR, exit);
        assertEquals(
                "src/test/resources/spec/relative/lifecycle/rules.json:1:79: error: Rules[0].AbortMultipartUpload.Days: "
                        + "must be at least 1, got 0\n"
                        + "src/test/resources/spec/relative/profiles/profile.yaml:9:9: error: buckets.my-bucket.lifecycle[1]: file "
                        + "'../lifecycle/missing.json' not found (looked for src/test/resources/spec/relative/lifecycle/missing.json)\n"
                        + "src/test/resources/spec/relative/profiles/profile.yaml:10:9: error: buckets.my-bucket.lifecycle[2]: "
                        + "'../lifecycle' is a directory; name a JSON or YAML file\n"
                        + "src/test/resources/spec/relative/profiles/profile.yaml: 3 errors\n",
                out.toString());
    }

    @Test
    void validate_warningsOnly_exitsZeroAndCountsThem() throws IOException {
        Path profile = write("p.yaml", HEADER + "uploader: {bucket: elsewhere}\n");

        int exit = run("validate", "-p", profile.toString());

        assertEquals(ExitCodes.OK, exit);
        assertEquals(
                profile + ":5:20: warning: uploader.bucket: bucket 'elsewhere' is not defined in this profile; it must "
                        + "already exist\n" + profile + ": valid, 1 warning\n",
                out.toString());
    }

    @Test
    void validate_jsonFormat_printsProblemsWithLocations() throws IOException {
        Path profile = write("p.yaml", HEADER + "regon: x\n");

        int exit = run("validate", "-p", profile.toString(), "--format", "json");

        assertEquals(ExitCodes.ERROR, exit);
        String file = profile.toString().replace("\\", "\\\\");
        assertEquals(
                "{\n"
                        + "  \"valid\" : false,\n"
                        + "  \"problems\" : [ {\n"
                        + "    \"severity\" : \"error\",\n"
                        + "    \"code\" : \"profile.unknown_key\",\n"
                        + "    \"file\" : \"" + file + "\",\n"
                        + "    \"line\" : 5,\n"
                        + "    \"column\" : 1,\n"
                        + "    \"path\" : \"regon\",\n"
                        + "    \"message\" : \"unknown key 'regon'; did you mean 'region'?\"\n"
                        + "  } ]\n"
                        + "}\n",
                out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void validate_jsonFormatValid_printsEmptyProblems() {
        int exit = run("validate", "-p", "profiles/local.yaml", "--format=json");

        assertEquals(ExitCodes.OK, exit);
        assertEquals(
                "{\n  \"valid\" : true,\n  \"problems\" : [ ]\n}\n",
                out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void validate_literalSecret_neverEchoesTheSecret() throws IOException {
        Path profile = write(
                "p.yaml",
                HEADER + "credentials:\n  source: env\n  accessKeyId: LTAI5tSecretIdValue1234\n"
                        + "  accessKeySecret: s3cr3tValueThatMustNotLeak\n");

        int exit = run("validate", "-p", profile.toString());

        assertEquals(ExitCodes.ERROR, exit);
        assertFalse(out.toString().contains("s3cr3tValueThatMustNotLeak"), out.toString());
        assertFalse(out.toString().contains("LTAI5tSecretIdValue1234"), out.toString());
        assertTrue(
                out.toString()
                        .startsWith(profile + ":7:3: error: credentials.accessKeyId: 'accessKeyId' looks like a "
                                + "literal secret, and secrets never go in a profile;"),
                out.toString());
    }

    @Test
    void validate_credentialInTheWrongKey_isMaskedInTheMessage() throws IOException {
        Path profile = write(
                "p.yaml",
                HEADER + "credentials: {source: LTAI5tAbCdEfGhIjKlwxyz}\n"
                        + "buckets:\n  my-bucket:\n    replication:\n      r1: {destination: {bucket: dr-bucket, region: cn-shanghai}, "
                        + "action: Ab3dEf7hIj1lMn0pQr5tUv9xYz2bC4}\n");

        int exit = run("validate", "-p", profile.toString());

        assertEquals(ExitCodes.ERROR, exit);
        assertEquals(
                profile
                        + ":5:23: error: credentials.source: 'LTAI…wxyz' is not a valid credential source; accepted: env, "
                        + "aliyun-cli, ecs-ram-role\n"
                        + profile
                        + ":9:75: error: buckets.my-bucket.replication.r1.action: (a value that looks like a secret, not shown) "
                        + "is not a valid replication action; accepted: ALL, or a comma-separated combination of PUT, DELETE and ABORT "
                        + "(e.g. PUT,DELETE)\n"
                        + profile + ": 2 errors\n",
                out.toString());
    }

    @Test
    void validate_missingProfile_reportsNotFoundAndExitsOne() {
        int exit = run("validate", "-p", dir.resolve("absent.yaml").toString());

        assertEquals(ExitCodes.ERROR, exit);
        assertEquals(
                dir.resolve("absent.yaml") + ":1:1: error: (root): profile file not found\n"
                        + dir.resolve("absent.yaml") + ": 1 error\n",
                out.toString());
    }

    @Test
    void validate_withoutProfileOption_isAUsageError() {
        int exit = run("validate");

        assertEquals(ExitCodes.ERROR, exit);
        assertEquals(
                "error: Missing required option: '--profile=PROFILE'\nSee 'ossops validate --help'.\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void validate_unknownFormat_isAUsageError() {
        int exit = run("validate", "-p", "profiles/local.yaml", "--format", "xml");

        assertEquals(ExitCodes.ERROR, exit);
        assertTrue(
                err.toString()
                        .startsWith("error: Invalid value for option '--format': expected one of [text, json] "
                                + "(case-sensitive) but was 'xml'"),
                err.toString());
    }
}
