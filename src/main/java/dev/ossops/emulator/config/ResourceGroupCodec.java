package dev.ossops.emulator.config;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import org.w3c.dom.Element;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code ?resourceGroup}: PutBucketResourceGroup / GetBucketResourceGroup, body
 * {@code BucketResourceGroupConfiguration/ResourceGroupId} (API reference). A bucket never moved
 * belongs to the default group, {@code rg-default-id}. There is no Resource Manager here, so any
 * well-formed id names a group.
 */
public final class ResourceGroupCodec implements BucketConfigCodec {
    public static final String SUBRESOURCE = "resourceGroup";
    public static final String DEFAULT_GROUP = "rg-default-id";
    /** Troubleshooting page 0017-00000138: an id must start with {@code rg-}; the rest is bounded by the emulator. */
    private static final Pattern ID = Pattern.compile("rg-[A-Za-z0-9-]{1,61}");

    @Override
    public String subresource() {
        return SUBRESOURCE;
    }

    @Override
    public StoredConfig accept(byte[] body) {
        return stored(parse(body));
    }

    @Override
    public StoredConfig whenUnset(String bucket) {
        return stored(DEFAULT_GROUP);
    }

    /** The document that puts a bucket in {@code groupId}. */
    public StoredConfig stored(String groupId) {
        return ConfigXml.xml(render(groupId));
    }

    /** The group id of a {@code BucketResourceGroupConfiguration}. */
    public String parse(byte[] body) {
        Element root = XmlReader.parse(body, "BucketResourceGroupConfiguration");
        ConfigXml.onlyChildren(root, Set.of("ResourceGroupId"));
        return checkId(ConfigXml.required(root, "ResourceGroupId"));
    }

    /**
     * An {@code x-oss-resource-group-id} value (PutBucket, ListBuckets) or a body's id. ListBuckets'
     * reference: a header without a value means the default group.
     */
    public static String checkId(String id) {
        if (id.isEmpty()) {
            return DEFAULT_GROUP;
        }
        if (!ID.matcher(id).matches()) {
            throw new OssException(OssError.INVALID_RESOURCE_GROUP_ID);
        }
        return id;
    }

    public String render(String groupId) {
        return new XmlWriter()
                .start("BucketResourceGroupConfiguration")
                .element("ResourceGroupId", groupId)
                .end()
                .toXml();
    }
}
