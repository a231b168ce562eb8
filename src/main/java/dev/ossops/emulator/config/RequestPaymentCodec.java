package dev.ossops.emulator.config;

import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import org.w3c.dom.Element;

import java.util.Set;

/**
 * {@code ?requestPayment}: PutBucketRequestPayment / GetBucketRequestPayment. The body is
 * {@code RequestPaymentConfiguration/Payer}, {@code BucketOwner} or {@code Requester} (API
 * reference); a bucket that never set it is paid for by its owner.
 */
public final class RequestPaymentCodec extends XmlConfigCodec<RequestPaymentCodec.Payer> {
    public static final String SUBRESOURCE = "requestPayment";

    /** Who pays for requests to a bucket. */
    public enum Payer {
        BucketOwner,
        Requester
    }

    public RequestPaymentCodec() {
        super(SUBRESOURCE);
    }

    @Override
    public StoredConfig whenUnset(String bucket) {
        return stored(Payer.BucketOwner);
    }

    /** The payer of a {@code RequestPaymentConfiguration}; another value fails the schema. */
    @Override
    public Payer parse(byte[] body) {
        Element root = XmlReader.parse(body, "RequestPaymentConfiguration");
        ConfigXml.onlyChildren(root, Set.of("Payer"));
        String payer = ConfigXml.required(root, "Payer");
        for (Payer p : Payer.values()) {
            if (p.name().equals(payer)) {
                return p;
            }
        }
        throw ConfigXml.malformed();
    }

    @Override
    public String render(Payer payer) {
        return new XmlWriter()
                .start("RequestPaymentConfiguration")
                .element("Payer", payer.name())
                .end()
                .toXml();
    }
}
