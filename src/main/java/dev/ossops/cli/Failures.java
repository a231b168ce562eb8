package dev.ossops.cli;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How a failure that reaches {@link Main} becomes one line. ossops's own errors already say what and why, and a file
 * error is told with its path and reason; only anything else is unexpected (a bug, {@link ErrorCode#INTERNAL}), and
 * only that points to {@code --stacktrace}.
 */
final class Failures {
    private Failures() {}

    /** The line for a failure ossops explains; empty for an unexpected one. */
    static Optional<String> explain(Throwable e) {
        if (e instanceof OssopsException known && known.errorCode().expected()) {
            // An expected error never earns the --stacktrace hint, not even one that was raised without a message.
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (e instanceof UncheckedIOException unchecked) {
            return Optional.ofNullable(
                    unchecked.getCause() instanceof FileSystemException fs
                                    && fs.toString().equals(unchecked.getMessage())
                            ? describe(fs)
                            : unchecked.getMessage());
        }
        if (e instanceof FileSystemException fs) {
            return Optional.of(describe(fs));
        }
        return Optional.empty();
    }

    /**
     * The code of a failure that reaches {@link Main}: an ossops error's own; {@link ErrorCode#FILE_UNUSABLE} for a
     * file the JDK could not read or write; {@link ErrorCode#INTERNAL} for anything else.
     */
    static ErrorCode code(Throwable e) {
        if (e instanceof OssopsException known) {
            return known.errorCode();
        }
        if (e instanceof UncheckedIOException || e instanceof FileSystemException) {
            return ErrorCode.FILE_UNUSABLE;
        }
        return ErrorCode.INTERNAL;
    }

    /** A file-system error as its path and reason, e.g. {@code /nodir/x/plan.json: no such file or directory}. */
    static String describe(FileSystemException e) {
        return e.getFile() + ": " + reason(e) + (e.getOtherFile() == null ? "" : " (" + e.getOtherFile() + ")");
    }

    /** Why an I/O operation failed, in lower case and without the path the JDK puts in front of some messages. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the directory is not empty";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return lowerFirst(fs.getReason());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return lowerFirst(message);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    /**
     * Why {@code file} cannot be written, checked before any work is done: its directory is missing or not a
     * directory, or the file is a directory. Empty when writing may go ahead.
     */
    static Optional<String> unwritable(Path file) {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            return Optional.of("it is a directory");
        }
        if (parent != null && !Files.exists(parent)) {
            return Optional.of(
                    "the directory " + (file.getParent() == null ? parent : file.getParent()) + " does not exist");
        }
        if (parent != null && !Files.isDirectory(parent)) {
            return Optional.of((file.getParent() == null ? parent : file.getParent()) + " is not a directory");
        }
        return Optional.empty();
    }

    /** A file ossops was asked to read or write and cannot; the message names the file, what it is for and why. */
    static final class FileProblem extends OssopsException {
        FileProblem(String message, Throwable cause) {
            super(ErrorCode.FILE_UNUSABLE, message, cause);
        }

        FileProblem(String message) {
            super(ErrorCode.FILE_UNUSABLE, message);
        }
    }
}
