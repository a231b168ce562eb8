package dev.ossops.spec.schema;

import dev.ossops.spec.tree.Node;

/**
 * A bucket sub-configuration under three-state ownership: absent = unmanaged, present = managed, explicitly empty
 * ({@code none}, {@code {}} or {@code []}) = managed and must be absent live.
 */
public record ManagedShape(Shape inner) implements Shape {

    public static final String NONE = "none";

    @Override
    public String description() {
        return inner.description() + " Omit to leave unmanaged; 'none', {} or [] to require that it is absent.";
    }

    @Override
    public String expected() {
        return inner.expected() + ", or 'none' to remove it";
    }

    @Override
    public boolean acceptsKind(Node node) {
        return true;
    }
}
