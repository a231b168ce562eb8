package dev.ossops.emulator.http;

import dev.ossops.emulator.xml.XmlWriter;

/** XML fragments shared by several responses. */
final class BucketXml {
    private BucketXml() {}

    static void owner(XmlWriter xml, String accountId) {
        xml.start("Owner")
                .element("ID", accountId)
                .element("DisplayName", accountId)
                .end();
    }

    static String acl(String accountId, String grant) {
        XmlWriter xml = new XmlWriter().start("AccessControlPolicy");
        owner(xml, accountId);
        xml.start("AccessControlList").element("Grant", grant).end().end();
        return xml.toXml();
    }
}
