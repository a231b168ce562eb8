package dev.ossops.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The condition operators RAM documents (help.aliyun.com "Conditional operators": string,
 * number, date and time, Boolean, IP address).
 *
 * <p>A request that lacks the key: the RAM page does not say. We follow the rule of the policy
 * language RAM mirrors (AWS IAM "Condition operators": a missing key does not match, so the
 * condition is false, except for the negated operators, which are then true). Negated here:
 * StringNotEquals, StringNotEqualsIgnoreCase, StringNotLike, NumericNotEquals, DateNotEquals,
 * NotIpAddress. A context value that cannot be read as the operator's type (a number, a date,
 * an address) makes the condition false for every operator: a malformed request value never
 * satisfies a condition, not even a negated one.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.STRING, false, String::equals),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true, String::equals),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false, String::equalsIgnoreCase),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true, String::equalsIgnoreCase),
    STRING_LIKE("StringLike", Family.STRING, false, (ctx, pattern) -> Wildcards.matches(pattern, ctx, false)),
    STRING_NOT_LIKE("StringNotLike", Family.STRING, true, (ctx, pattern) -> Wildcards.matches(pattern, ctx, false)),
    NUMERIC_EQUALS(
            "NumericEquals", Family.NUMERIC, false, (ctx, v) -> number(ctx).compareTo(number(v)) == 0),
    NUMERIC_NOT_EQUALS(
            "NumericNotEquals", Family.NUMERIC, true, (ctx, v) -> number(ctx).compareTo(number(v)) == 0),
    NUMERIC_LESS_THAN(
            "NumericLessThan", Family.NUMERIC, false, (ctx, v) -> number(ctx).compareTo(number(v)) < 0),
    NUMERIC_LESS_THAN_EQUALS(
            "NumericLessThanEquals",
            Family.NUMERIC,
            false,
            (ctx, v) -> number(ctx).compareTo(number(v)) <= 0),
    NUMERIC_GREATER_THAN(
            "NumericGreaterThan", Family.NUMERIC, false, (ctx, v) -> number(ctx).compareTo(number(v)) > 0),
    NUMERIC_GREATER_THAN_EQUALS(
            "NumericGreaterThanEquals",
            Family.NUMERIC,
            false,
            (ctx, v) -> number(ctx).compareTo(number(v)) >= 0),
    DATE_EQUALS("DateEquals", Family.DATE, false, (ctx, v) -> date(ctx).compareTo(date(v)) == 0),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true, (ctx, v) -> date(ctx).compareTo(date(v)) == 0),
    DATE_LESS_THAN("DateLessThan", Family.DATE, false, (ctx, v) -> date(ctx).compareTo(date(v)) < 0),
    DATE_LESS_THAN_EQUALS(
            "DateLessThanEquals", Family.DATE, false, (ctx, v) -> date(ctx).compareTo(date(v)) <= 0),
    DATE_GREATER_THAN(
            "DateGreaterThan", Family.DATE, false, (ctx, v) -> date(ctx).compareTo(date(v)) > 0),
    DATE_GREATER_THAN_EQUALS(
            "DateGreaterThanEquals", Family.DATE, false, (ctx, v) -> date(ctx).compareTo(date(v)) >= 0),
    BOOL("Bool", Family.BOOL, false, String::equalsIgnoreCase),
    IP_ADDRESS("IpAddress", Family.IP, false, ConditionOperator::inRange),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, true, ConditionOperator::inRange);

    /** How values of an operator are read. */
    enum Family {
        STRING(""),
        NUMERIC("a number"),
        DATE("an ISO 8601 date-time with offset such as 2026-01-31T12:00:00Z"),
        BOOL("true or false"),
        IP("an IPv4 or IPv6 address or CIDR block");

        private final String expected;

        Family(String expected) {
            this.expected = expected;
        }
    }

    private final String json;
    private final Family family;
    private final boolean negated;
    /** (context value, policy value) -> whether they match, before negation. */
    @SuppressWarnings("ImmutableEnumChecker") // every matcher is a stateless lambda
    private final BiPredicate<String, String> match;

    ConditionOperator(String json, Family family, boolean negated, BiPredicate<String, String> match) {
        this.json = json;
        this.family = family;
        this.negated = negated;
        this.match = match;
    }

    /** The operator's name in a policy document. */
    public String json() {
        return json;
    }

    /** How the operator reads values. */
    Family family() {
        return family;
    }

    /** Whether this is one of the negated operators (true when the key is missing). */
    public boolean negated() {
        return negated;
    }

    /** The operator spelled exactly {@code name}. */
    public static Optional<ConditionOperator> fromJson(String name) {
        return Arrays.stream(values()).filter(o -> o.json.equals(name)).findFirst();
    }

    /** The operator spelled {@code name} ignoring case: for "did you mean" hints. */
    static Optional<ConditionOperator> fromJsonIgnoringCase(String name) {
        return Arrays.stream(values())
                .filter(o -> o.json.equalsIgnoreCase(name))
                .findFirst();
    }

    /**
     * Whether the condition holds for the request's values of the key ({@code contextValues},
     * empty when the request lacks the key) against the policy's alternatives.
     */
    public boolean holds(List<String> contextValues, List<String> policyValues) {
        if (contextValues.isEmpty()) {
            return negated;
        }
        if (!contextValues.stream().allMatch(this::readableInRequest)) {
            return false;
        }
        boolean anyMatch =
                contextValues.stream().anyMatch(ctx -> policyValues.stream().anyMatch(v -> match.test(ctx, v)));
        return anyMatch != negated;
    }

    /** Why {@code value} is not acceptable in a policy under this operator, or empty when it is. */
    Optional<String> problemWith(String value) {
        return readable(value) ? Optional.empty() : Optional.of("is not " + family.expected);
    }

    /** The value in the one spelling that compares equal by meaning (for canonical policies). */
    String canonicalValue(String value) {
        return switch (family) {
            case STRING ->
                this == STRING_EQUALS_IGNORE_CASE || this == STRING_NOT_EQUALS_IGNORE_CASE
                        ? value.toLowerCase(Locale.ROOT)
                        : value;
            case NUMERIC -> number(value).stripTrailingZeros().toPlainString();
            case DATE -> date(value).toString();
            case BOOL -> value.toLowerCase(Locale.ROOT);
            case IP -> IpRange.parse(value).map(IpRange::canonical).orElse(value);
        };
    }

    private boolean readable(String value) {
        return switch (family) {
            case STRING -> true;
            case NUMERIC -> tryNumber(value).isPresent();
            case DATE -> tryDate(value).isPresent();
            case BOOL -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            case IP -> IpRange.parse(value).isPresent();
        };
    }

    /** A request carries single addresses, never CIDR blocks. */
    private boolean readableInRequest(String value) {
        return family == Family.IP ? IpRange.parseAddress(value).isPresent() : readable(value);
    }

    private static boolean inRange(String contextAddress, String policyRange) {
        return IpRange.parseAddress(contextAddress)
                .flatMap(address -> IpRange.parse(policyRange).map(range -> range.contains(address)))
                .orElse(false);
    }

    private static BigDecimal number(String value) {
        return tryNumber(value).orElseThrow();
    }

    private static Optional<BigDecimal> tryNumber(String value) {
        try {
            return Optional.of(new BigDecimal(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Instant date(String value) {
        return tryDate(value).orElseThrow();
    }

    private static Optional<Instant> tryDate(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
