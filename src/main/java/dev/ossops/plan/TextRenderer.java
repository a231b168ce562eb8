package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Terraform-like text: one block per change that does something ({@code + ~ - -/+}); a created or deleted object or
 * list as nested attributes one per line, other changes as per-field {@code before -> after}; dangers, unreadable resources, errors and a summary line. ANSI colours only when asked
 * (the CLI decides from the terminal, --no-color and CI); {@code verbose} adds the normalisations applied.
 */
public final class TextRenderer {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String MAGENTA = "\u001b[35m";

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final boolean color;
    private final boolean verbose;

    public TextRenderer(boolean color, boolean verbose) {
        this.color = color;
        this.verbose = verbose;
    }

    public String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        for (Change c : plan.changes()) {
            if (c.action() != Action.NOOP) {
                change(c, out);
            }
        }
        if (!plan.unreadable().isEmpty()) {
            out.append(paint(BOLD, "Unreadable (plan incomplete):")).append('\n');
            for (Map.Entry<Address, String> e : plan.unreadable().entrySet()) {
                out.append("  ? ")
                        .append(e.getKey())
                        .append(": ")
                        .append(e.getValue())
                        .append('\n');
            }
            out.append('\n');
        }
        if (plan.hasErrors()) {
            out.append(paint(BOLD + RED, "Errors (plan cannot be applied):")).append('\n');
            for (Plan.PlanError e : plan.errors()) {
                out.append("  ")
                        .append(paint(RED, "!"))
                        .append(' ')
                        .append(e.address())
                        .append(": ")
                        .append(e.message())
                        .append('\n');
            }
            out.append('\n');
        }
        if (!plan.assertions().isEmpty()) {
            out.append(paint(BOLD, "Access assertions:")).append('\n');
            for (Plan.AssertionResult a : plan.assertions()) {
                String status = a.verdict().status().label();
                String mark = switch (a.verdict().status()) {
                    case HOLDS -> paint(GREEN, status);
                    case FAILS -> paint(BOLD + RED, status);
                    case UNKNOWN -> paint(YELLOW, status);
                };
                out.append("  ")
                        .append(mark)
                        .append(' ')
                        .append(a.name())
                        .append(": ")
                        .append(a.verdict().message())
                        .append('\n');
            }
            out.append('\n');
        }
        if (verbose && !plan.normalizations().isEmpty()) {
            out.append("Normalizations applied:").append('\n');
            for (Normalization n : plan.normalizations()) {
                out.append("  ")
                        .append(n.id())
                        .append(": ")
                        .append(n.what())
                        .append(" (")
                        .append(n.why())
                        .append(")\n");
            }
            out.append('\n');
        }
        out.append(summary(plan)).append('\n');
        long broken =
                plan.assertions().stream().filter(Plan.AssertionResult::fails).count();
        if (broken > 0) {
            out.append(paint(
                            BOLD + RED,
                            (broken == 1 ? "1 access assertion fails" : broken + " access assertions fail")
                                    + "; apply refuses this plan: change the profile."))
                    .append('\n');
        }
        long destructive = plan.changes().stream().filter(Change::destructive).count();
        if (destructive > 0) {
            out.append(
                            paint(
                                    RED,
                                    destructive == 1
                                            ? "1 change is destructive; apply refuses it without --allow-destructive."
                                            : destructive
                                                    + " changes are destructive; apply refuses them without --allow-destructive."))
                    .append('\n');
        }
        return out.toString();
    }

    /** The summary line alone. */
    public static String summary(Plan plan) {
        if (!plan.hasChanges()) {
            if (!plan.applyable()) {
                return "No changes found, but the plan is " + (plan.complete() ? "not applyable" : "incomplete") + ".";
            }
            return "No changes. Live state matches the profile.";
        }
        return "Plan: " + plan.count(Action.CREATE) + " to add, " + plan.count(Action.UPDATE) + " to change, "
                + plan.count(Action.DELETE) + " to destroy, " + plan.count(Action.REPLACE) + " to replace.";
    }

    private void change(Change c, StringBuilder out) {
        String colour = switch (c.action()) {
            case CREATE -> GREEN;
            case UPDATE -> YELLOW;
            case DELETE -> RED;
            case REPLACE -> MAGENTA;
            case NOOP -> "";
        };
        out.append(paint(colour, c.action().symbol()))
                .append(' ')
                .append(paint(BOLD, c.address().toString()))
                .append('\n');
        JsonNode whole = c.action() == Action.CREATE ? c.after() : c.action() == Action.DELETE ? c.before() : null;
        if (whole != null && whole.isContainerNode() && !whole.isEmpty()) {
            // A value that appears or disappears as a whole: its attributes, one per line, as terraform shows them.
            attributes(whole, c.action() == Action.CREATE ? "+" : "-", colour, "    ", out);
        } else {
            fields(c, out);
        }
        for (String reason : c.reasons()) {
            out.append("    # ").append(reason).append('\n');
        }
        for (Danger d : c.dangers()) {
            out.append("    ")
                    .append(paint(BOLD + RED, "! " + d.rule().id() + ": " + d.message()))
                    .append('\n');
        }
        if (!c.dependsOn().isEmpty()) {
            out.append("    after: ")
                    .append(String.join(
                            ", ", c.dependsOn().stream().map(Address::toString).toList()))
                    .append('\n');
        }
        out.append('\n');
    }

    /** Today's field-level lines: {@code path: before -> after}. */
    private static void fields(Change c, StringBuilder out) {
        for (FieldDiff f : c.fields()) {
            out.append("    ")
                    .append(f.path().isEmpty() ? "" : f.path() + ": ")
                    .append(value(f.before()))
                    .append(" -> ")
                    .append(value(f.after()))
                    .append('\n');
        }
    }

    /**
     * The members of an object or the items of an array, each on its own line behind {@code sign}: {@code key = value}
     * with the keys of one object aligned, nested objects as {@code key = {} ... }} and arrays as {@code [} items
     * {@code ]}, each level four columns further in.
     */
    private void attributes(JsonNode node, String sign, String colour, String indent, StringBuilder out) {
        String mark = paint(colour, sign) + " ";
        if (node.isArray()) {
            for (JsonNode item : node) {
                out.append(indent).append(mark);
                nested(item, sign, colour, indent, out);
                out.append(",\n");
            }
            return;
        }
        int width = 0;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            width = Math.max(width, key(names.next()).length());
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String key = key(member.getKey());
            out.append(indent)
                    .append(mark)
                    .append(key)
                    .append(" ".repeat(width - key.length()))
                    .append(" = ");
            nested(member.getValue(), sign, colour, indent, out);
            out.append('\n');
        }
    }

    /** One value at the position after {@code key = } (or after the sign of an array item). */
    private void nested(JsonNode value, String sign, String colour, String indent, StringBuilder out) {
        if (!value.isContainerNode() || value.isEmpty()) {
            out.append(value);
            return;
        }
        out.append(value.isArray() ? "[" : "{").append('\n');
        attributes(value, sign, colour, indent + "    ", out);
        // The closing bracket lines up with the key, past the sign, as in terraform.
        out.append(indent).append("  ").append(value.isArray() ? "]" : "}");
    }

    /** A key as written: bare when it is a plain name, else quoted as JSON (so spaces, '=' or CR/LF stay visible). */
    private static String key(String name) {
        return PLAIN_KEY.matcher(name).matches() ? name : JsonValues.of(name).toString();
    }

    private static String value(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "(none)" : node.toString();
    }

    private String paint(String code, String text) {
        return color && !code.isEmpty() ? code + text + RESET : text;
    }
}
