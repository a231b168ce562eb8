package dev.ossops.spec.model;

import java.net.URI;
import java.nio.file.Path;

/** Where ossops talks to OSS, RAM, STS and CDN. */
public sealed interface Endpoint {

    /** No endpoint key: the region's public Alibaba Cloud endpoints. */
    record RegionDefault(String region) implements Endpoint {}

    /** One URL for every service, e.g. an emulator on {@code http://127.0.0.1:9000}. */
    record Url(URI uri) implements Endpoint {}

    /** The in-process emulator, storing its data in {@code dataDir}. */
    record Embedded(Path dataDir) implements Endpoint {}
}
