package dev.ossops.plan;

/** What apply does at an address. {@link #symbol()} is the text renderer's marker, {@link #json()} the JSON value. */
public enum Action {
    NOOP(" ", "no-op"),
    CREATE("+", "create"),
    UPDATE("~", "update"),
    REPLACE("-/+", "replace"),
    DELETE("-", "delete");

    private final String symbol;
    private final String json;

    Action(String symbol, String json) {
        this.symbol = symbol;
        this.json = json;
    }

    public String symbol() {
        return symbol;
    }

    public String json() {
        return json;
    }
}
