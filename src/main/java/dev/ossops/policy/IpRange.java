package dev.ossops.policy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a single address.
 * Parses literals by hand, so no policy or request value ever reaches a DNS resolver.
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

    /** RFC 4291 text forms: eight groups, one {@code ::}, an optional trailing dotted IPv4. */
    private static Optional<byte[]> parseIpv6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        Optional<int[]> front = groups(head, doubleColon < 0);
        Optional<int[]> back = doubleColon >= 0 ? groups(tail, true) : Optional.of(new int[0]);
        if (front.isEmpty() || back.isEmpty()) {
            return Optional.empty();
        }
        int given = front.get().length + back.get().length;
        if (doubleColon < 0 ? given != 8 : given > 7) {
            return Optional.empty();
        }
        byte[] out = new byte[16];
        int[] f = front.get();
        int[] b = back.get();
        for (int i = 0; i < f.length; i++) {
            out[2 * i] = (byte) (f[i] >> 8);
            out[2 * i + 1] = (byte) f[i];
        }
        for (int i = 0; i < b.length; i++) {
            int at = 8 - b.length + i;
            out[2 * at] = (byte) (b[i] >> 8);
            out[2 * at + 1] = (byte) b[i];
        }
        return Optional.of(out);
    }

    /** Colon-separated 16-bit groups; the last may be a dotted IPv4 address when {@code last}. */
    private static Optional<int[]> groups(String text, boolean last) {
        if (text.isEmpty()) {
            return Optional.of(new int[0]);
        }
        String[] parts = text.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (last && i == parts.length - 1 && part.indexOf('.') >= 0) {
                Optional<byte[]> v4 = parseAddress(part);
                if (v4.isEmpty() || v4.get().length != 4) {
                    return Optional.empty();
                }
                byte[] a = v4.get();
                out[n++] = (a[0] & 0xff) << 8 | (a[1] & 0xff);
                out[n++] = (a[2] & 0xff) << 8 | (a[3] & 0xff);
                continue;
            }
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return Optional.empty();
            }
            out[n++] = Integer.parseInt(part, 16);
        }
        return Optional.of(Arrays.copyOf(out, n));
    }

    /** Whether {@code address} (same family) lies inside this block. */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        BigInteger mask = prefixLength == 0
                ? BigInteger.ZERO
                : BigInteger.ONE
                        .shiftLeft(prefixLength)
                        .subtract(BigInteger.ONE)
                        .shiftLeft(network.length * 8 - prefixLength);
        return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    /** Whether this block is the whole address space of its family (0.0.0.0/0, ::/0). */
    boolean isEverything() {
        return prefixLength == 0;
    }

    /** Canonical text: the network address with its prefix length, e.g. {@code 10.0.0.0/8}. */
    String canonical() {
        BigInteger mask = prefixLength == 0
                ? BigInteger.ZERO
                : BigInteger.ONE
                        .shiftLeft(prefixLength)
                        .subtract(BigInteger.ONE)
                        .shiftLeft(network.length * 8 - prefixLength);
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
