package dev.ossops.cloud.oss;

/** OSS reports locations as {@code oss-cn-beijing}; the profile names regions ({@code cn-beijing}). */
final class Regions {
    private Regions() {
    }

    static String strip(String location) {
        if (location == null) {
            return "";
        }
        return location.startsWith("oss-") ? location.substring(4) : location;
    }
}
