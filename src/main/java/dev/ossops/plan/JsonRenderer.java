package dev.ossops.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.policy.StatementRef;

import java.util.Map;

/** The versioned JSON plan format of docs/plan-format.md; field order is part of the format. */
public final class JsonRenderer {
    public static final String FORMAT_VERSION = "1.0";

    private static final ObjectWriter WRITER = new ObjectMapper()
            .writer(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("")
                            .withObjectEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /** The plan as indented JSON text ending in a newline. */
    public String render(Plan plan) {
        return write(tree(plan));
    }

    static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The plan as a JSON tree, in the documented field order. */
    public ObjectNode tree(Plan plan) {
        ObjectNode root = JsonValues.JSON.objectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("profile", plan.profile());
        root.put("complete", plan.complete());
        root.put("applyable", plan.applyable());
        ObjectNode summary = root.putObject("summary");
        summary.put("add", plan.count(Action.CREATE));
        summary.put("change", plan.count(Action.UPDATE));
        summary.put("destroy", plan.count(Action.DELETE));
        summary.put("replace", plan.count(Action.REPLACE));
        summary.put("no_op", plan.count(Action.NOOP));
        summary.put(
                "destructive",
                plan.changes().stream().filter(Change::destructive).count());
        ArrayNode changes = root.putArray("changes");
        plan.changes().forEach(c -> changes.add(change(c)));
        ArrayNode unreadable = root.putArray("unreadable");
        for (Map.Entry<Address, String> e : plan.unreadable().entrySet()) {
            ObjectNode u = unreadable.addObject();
            u.put("address", e.getKey().toString());
            u.put("reason", e.getValue());
        }
        ArrayNode errors = root.putArray("errors");
        for (Plan.PlanError e : plan.errors()) {
            ObjectNode node = errors.addObject();
            node.put("address", e.address().toString());
            node.put("message", e.message());
        }
        ArrayNode assertions = root.putArray("assertions");
        for (Plan.AssertionResult a : plan.assertions()) {
            ObjectNode node = assertions.addObject();
            node.put("name", a.name());
            node.put("status", a.verdict().status().label());
            node.put("message", a.verdict().message());
            ArrayNode statements = node.putArray("statements");
            for (StatementRef ref : a.verdict().statements()) {
                ObjectNode s = statements.addObject();
                s.put("policy_type", ref.type().label());
                s.put("policy", ref.policyName());
                s.put("index", ref.index());
            }
            node.put("requests_checked", a.verdict().checked());
        }
        ArrayNode normalizations = root.putArray("normalizations");
        for (Normalization n : plan.normalizations()) {
            ObjectNode node = normalizations.addObject();
            node.put("id", n.id());
            node.put("what", n.what());
            node.put("why", n.why());
        }
        return root;
    }

    private static ObjectNode change(Change c) {
        ObjectNode node = JsonValues.JSON.objectNode();
        node.put("address", c.address().toString());
        node.put("action", c.action().json());
        node.put("destructive", c.destructive());
        ArrayNode dangers = node.putArray("dangers");
        c.dangers().forEach(d -> dangers.addObject().put("rule", d.rule().id()).put("message", d.message()));
        ArrayNode reasons = node.putArray("reasons");
        c.reasons().forEach(reasons::add);
        ArrayNode fields = node.putArray("fields");
        for (FieldDiff f : c.fields()) {
            ObjectNode field = fields.addObject();
            field.put("path", f.path());
            field.set("before", f.before());
            field.set("after", f.after());
        }
        node.set("before", c.before());
        node.set("after", c.after());
        ArrayNode deps = node.putArray("depends_on");
        c.dependsOn().forEach(a -> deps.add(a.toString()));
        return node;
    }
}
