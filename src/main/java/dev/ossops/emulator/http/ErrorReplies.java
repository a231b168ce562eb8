package dev.ossops.emulator.http;

import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.xml.XmlWriter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Renders an {@link OssException} as OSS does: {@code <Error>} XML with the containers and detail elements, then
 * {@code EC} and (for OSS's own EC values) {@code RecommendDoc}; {@code x-oss-ec}. HEAD and 304 answers
 * have no body, so for HEAD OSS repeats the XML base64-encoded in {@code x-oss-err}, which the SDKs read.
 */
final class ErrorReplies {
    private ErrorReplies() {}

    static Reply render(OssException e, String requestId, String hostId, boolean head) {
        Reply reply =
                body(e, requestId, hostId, head).header("x-oss-ec", e.error().ec());
        e.headers().forEach(reply::header);
        return reply;
    }

    private static Reply body(OssException e, String requestId, String hostId, boolean head) {
        int status = e.error().httpStatus();
        if (status == 304) {
            return Reply.empty(status);
        }
        String xml = errorXml(e, requestId, hostId);
        if (head) {
            return Reply.empty(status)
                    .header("x-oss-err", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        }
        return Reply.xml(status, xml);
    }

    private static String errorXml(OssException e, String requestId, String hostId) {
        XmlWriter xml = new XmlWriter()
                .start("Error")
                .element("Code", e.error().code())
                .element("Message", e.getMessage())
                .element("RequestId", requestId)
                .element("HostId", hostId);
        for (Map.Entry<String, Map<String, String>> container : e.containers().entrySet()) {
            xml.start(container.getKey());
            container.getValue().forEach(xml::element);
            xml.end();
        }
        for (Map.Entry<String, String> detail : e.details().entrySet()) {
            xml.element(detail.getKey(), detail.getValue());
        }
        xml.element("EC", e.error().ec());
        if (e.error().documentedEc()) {
            xml.element(
                    "RecommendDoc",
                    "https://api.aliyun.com/troubleshoot?q=" + e.error().ec());
        }
        xml.end();
        return xml.toXml();
    }
}
