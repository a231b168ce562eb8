package dev.ossops.policy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a single address.
 * Parses literals only: IPv4 by hand and IPv6 only when the text is hex digits and colons, so
 * no string ever reaches a DNS resolver.
 */
record IpRange(byte[] network, int prefixLength) {

    /** Parses {@code text}, or empty when it is not an address or CIDR block. */
    static Optional<IpRange> parse(String text) {
        String address = text;
        Integer prefix = null;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            address = text.substring(0, slash);
            String bits = text.substring(slash + 1);
            if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(bits);
        }
        Optional<byte[]> bytes = parseAddress(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        int max = bytes.get().length * 8;
        int length = prefix == null ? max : prefix;
        if (length > max) {
            return Optional.empty();
        }
        return Optional.of(new IpRange(bytes.get(), length));
    }

    /** Parses a single address literal (no prefix). */
    static Optional<byte[]> parseAddress(String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            out[i] = (byte) value;
        }
        return Optional.of(out);
    }

    private static Optional<byte[]> parseIpv6(String text) {
        boolean literal = text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        if (!literal) {
            return Optional.empty();
        }
        try {
            // A string of hex digits, dots and colons is parsed as a literal, never resolved.
            byte[] bytes = InetAddress.getByName(text).getAddress();
            return Optional.of(bytes.length == 4 ? mappedIpv6(bytes) : bytes);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Java folds ::ffff:a.b.c.d to IPv4; keep the IPv6 form the text asked for. */
    private static byte[] mappedIpv6(byte[] v4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(v4, 0, out, 12, 4);
        return out;
    }

    /** Whether {@code address} (same family) lies inside this block. */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        BigInteger mask = prefixLength == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(prefixLength).subtract(BigInteger.ONE).shiftLeft(network.length * 8 - prefixLength);
        return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    /** Whether this block is the whole address space of its family (0.0.0.0/0, ::/0). */
    boolean isEverything() {
        return prefixLength == 0;
    }

    /** Canonical text: the network address with its prefix length, e.g. {@code 10.0.0.0/8}. */
    String canonical() {
        BigInteger mask = prefixLength == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(prefixLength).subtract(BigInteger.ONE).shiftLeft(network.length * 8 - prefixLength);
        byte[] raw = new BigInteger(1, network).and(mask).toByteArray();
        byte[] bytes = new byte[network.length];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        try {
            String host = InetAddress.getByAddress(bytes).getHostAddress();
            return host + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of " + bytes.length + " bytes", e);
        }
    }
}
