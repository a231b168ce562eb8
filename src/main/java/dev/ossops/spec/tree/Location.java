package dev.ossops.spec.tree;

/** Where a value sits in a source file; line and column are 1-based, file is as the user would type it. */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
