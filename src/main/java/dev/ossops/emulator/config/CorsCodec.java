package dev.ossops.emulator.config;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import dev.ossops.shared.CorsRule;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code ?cors}: PutBucketCors / GetBucketCors / DeleteBucketCors. */
public final class CorsCodec extends XmlConfigCodec<CorsConfiguration> {
    static final int MAX_RULES = 10;
    private static final Set<String> METHODS = Set.of("GET", "PUT", "DELETE", "POST", "HEAD");

    public CorsCodec() {
        super("cors");
    }

    @Override
    public StoredConfig whenUnset(String bucket) {
        throw new OssException(OssError.NO_SUCH_CORS_CONFIGURATION).with("BucketName", bucket);
    }

    /** Parses and validates a {@code CORSConfiguration} document. */
    @Override
    public CorsConfiguration parse(byte[] body) {
        Element root = XmlReader.parse(body, "CORSConfiguration");
        ConfigXml.onlyChildren(root, Set.of("CORSRule", "ResponseVary"));
        List<Element> ruleElements = XmlReader.children(root, "CORSRule");
        if (ruleElements.isEmpty()) {
            throw ConfigXml.malformed();
        }
        if (ruleElements.size() > MAX_RULES) {
            throw ConfigXml.invalid(
                    "Maximum number of CORS rules is " + MAX_RULES + ".",
                    "CORSRule",
                    Integer.toString(ruleElements.size()));
        }
        List<CorsRule> rules = new ArrayList<>();
        for (Element e : ruleElements) {
            rules.add(rule(e));
        }
        return new CorsConfiguration(rules, ConfigXml.bool(root, "ResponseVary").orElse(false));
    }

    private static CorsRule rule(Element e) {
        ConfigXml.onlyChildren(
                e, Set.of("AllowedOrigin", "AllowedMethod", "AllowedHeader", "ExposeHeader", "MaxAgeSeconds"));
        List<String> origins = ConfigXml.texts(e, "AllowedOrigin");
        List<String> methods = ConfigXml.texts(e, "AllowedMethod");
        if (origins.isEmpty() || methods.isEmpty()) {
            throw ConfigXml.malformed();
        }
        for (String origin : origins) {
            if (stars(origin) > 1) {
                throw ConfigXml.invalid("AllowedOrigin can contain at most one wildcard (*).", "AllowedOrigin", origin);
            }
        }
        for (String method : methods) {
            if (!METHODS.contains(method)) {
                throw ConfigXml.invalid(
                        "Unsupported AllowedMethod, valid values are GET, PUT, DELETE, POST and HEAD.",
                        "AllowedMethod",
                        method);
            }
        }
        List<String> headers = ConfigXml.texts(e, "AllowedHeader");
        for (String header : headers) {
            if (stars(header) > 1) {
                throw ConfigXml.invalid("AllowedHeader can contain at most one wildcard (*).", "AllowedHeader", header);
            }
        }
        List<String> expose = ConfigXml.texts(e, "ExposeHeader");
        for (String header : expose) {
            if (header.contains("*")) {
                throw ConfigXml.invalid("ExposeHeader cannot contain a wildcard (*).", "ExposeHeader", header);
            }
        }
        return new CorsRule(origins, methods, headers, expose, ConfigXml.number(e, "MaxAgeSeconds"));
    }

    private static long stars(String s) {
        return s.chars().filter(c -> c == '*').count();
    }

    /** The canonical GetBucketCors document. */
    @Override
    public String render(CorsConfiguration config) {
        XmlWriter w = new XmlWriter().start("CORSConfiguration");
        for (CorsRule r : config.rules()) {
            w.start("CORSRule");
            r.allowedOrigins().forEach(o -> w.element("AllowedOrigin", o));
            r.allowedMethods().forEach(m -> w.element("AllowedMethod", m));
            r.allowedHeaders().forEach(h -> w.element("AllowedHeader", h));
            r.exposeHeaders().forEach(h -> w.element("ExposeHeader", h));
            r.maxAgeSeconds().ifPresent(age -> w.element("MaxAgeSeconds", age));
            w.end();
        }
        return w.element("ResponseVary", config.responseVary()).end().toXml();
    }
}
