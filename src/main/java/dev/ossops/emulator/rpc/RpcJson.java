package dev.ossops.emulator.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/** The wire shapes every RPC product shares: ISO-8601 dates to the second and lists wrapped as {@code {"Users": {"User": [...]}}}. */
public final class RpcJson {
    private RpcJson() {}

    public static String date(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** {@code {"<item>": [render(v)...]}}: the wrapper the SDKs read, which renders as the same XML. */
    public static <T> ObjectNode list(String item, List<T> values, Function<T, ObjectNode> render) {
        ObjectNode wrapper = object();
        ArrayNode array = wrapper.putArray(item);
        values.forEach(v -> array.add(render.apply(v)));
        return wrapper;
    }
}
