package dev.ossops.emulator.config;

/**
 * A configuration OSS keeps as the document it returns: {@link #parse} validates a PUT body as OSS does, and
 * {@link #render} writes the value back as GET answers it, so what is stored is always the normalised document.
 */
abstract class XmlConfigCodec<T> implements BucketConfigCodec {
    private final String subresource;

    XmlConfigCodec(String subresource) {
        this.subresource = subresource;
    }

    @Override
    public final String subresource() {
        return subresource;
    }

    @Override
    public StoredConfig accept(byte[] body) {
        return stored(parse(body));
    }

    /** Parses and validates a PUT body; throws {@link dev.ossops.emulator.error.OssException} for what OSS refuses. */
    public abstract T parse(byte[] body);

    /** The document GET answers for {@code value}. */
    public abstract String render(T value);

    /** {@code value} as the stored document (also the default of configurations that always exist). */
    final StoredConfig stored(T value) {
        return ConfigXml.xml(render(value));
    }
}
