package dev.ossops.spec.schema;

import dev.ossops.spec.tree.Node;

import java.util.Optional;

/** Finds the document a profile value stands for: the value itself when inline, else the file it names. */
public interface DocumentResolver {

    /** A document's root and the property path its own paths start from ("" in a file of its own). */
    record Document(Node root, String basePath) {}

    /**
     * Resolves {@code value} found at {@code path}. A missing or malformed file is reported (at the reference or
     * in the file) and gives empty.
     */
    Optional<Document> resolve(Node value, String path);
}
