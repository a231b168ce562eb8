package dev.ossops.emulator.cdn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.Params;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcJson;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** HTTPS certificates (SetCdnDomainSSLCertificate, DescribeDomainCertificateInfo) and cache refresh tasks. */
final class EdgeActions {
    private static final Set<String> CERT_TYPES = Set.of("free", "upload", "cas");
    private static final Set<String> OBJECT_TYPES = Set.of("File", "Directory");
    private static final int MAX_PATHS = 1000;

    private final CdnStore store;

    EdgeActions(CdnStore store) {
        this.store = store;
    }

    void register(Map<String, Function<RpcCall, ObjectNode>> actions) {
        actions.put("SetCdnDomainSSLCertificate", this::setCertificate);
        actions.put("DescribeDomainCertificateInfo", this::certificateInfo);
        actions.put("RefreshObjectCaches", this::refresh);
        actions.put("DescribeRefreshTasks", this::describeTasks);
    }

    private ObjectNode setCertificate(RpcCall call) {
        Params p = call.params();
        String name = p.required("DomainName");
        String protocol = p.required("SSLProtocol");
        if (!"on".equals(protocol) && !"off".equals(protocol)) {
            throw CdnErrors.malformed("SSLProtocol");
        }
        String now = RpcJson.date(call.now());
        Optional<CdnCertificate> certificate =
                "on".equals(protocol) ? Optional.of(certificate(p, name, now)) : Optional.empty();
        return store.mutate(() -> {
            CdnDomain domain = store.domain(name);
            store.domains.put(CdnStore.key(name), domain.withCertificate(protocol, certificate.orElse(null), now));
            return RpcJson.object();
        });
    }

    private static CdnCertificate certificate(Params p, String domainName, String now) {
        String type = p.optional("CertType", "upload");
        if (!CERT_TYPES.contains(type)) {
            throw CdnErrors.malformed("CertType");
        }
        String certName = p.optional("CertName", domainName.toLowerCase(Locale.ROOT) + "-" + type);
        return switch (type) {
            case "upload" -> {
                X509Certificate x509 = parse(p.required("SSLPub"));
                p.required("SSLPri");
                yield new CdnCertificate(
                        certName,
                        type,
                        null,
                        attribute(x509.getSubjectX500Principal().getName(), "CN")
                                .orElse(domainName),
                        attribute(x509.getIssuerX500Principal().getName(), "O").orElse(null),
                        RpcJson.date(x509.getNotBefore().toInstant()),
                        RpcJson.date(x509.getNotAfter().toInstant()),
                        now);
            }
            case "cas" -> new CdnCertificate(certName, type, p.required("CertId"), domainName, null, null, null, now);
            default -> new CdnCertificate(certName, type, null, domainName, "Digicert", null, null, now);
        };
    }

    private static X509Certificate parse(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate)
                    factory.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw CdnErrors.certificate();
        }
    }

    /** One attribute of an RFC 2253 name, e.g. the subject's CN or the issuer's O. */
    private static Optional<String> attribute(String rfc2253, String key) {
        for (String part : rfc2253.split(",", -1)) {
            if (part.startsWith(key + "=")) {
                return Optional.of(part.substring(key.length() + 1));
            }
        }
        return Optional.empty();
    }

    private ObjectNode certificateInfo(RpcCall call) {
        String name = call.params().required("DomainName");
        return store.query(() -> {
            CdnDomain domain = store.domain(name);
            List<CdnDomain> withCertificate = domain.certificate() == null ? List.of() : List.of(domain);
            ObjectNode out = RpcJson.object();
            out.set("CertInfos", RpcJson.list("CertInfo", withCertificate, d -> {
                CdnCertificate c =
                        Objects.requireNonNull(d.certificate(), "only a domain with a certificate is listed");
                ObjectNode node = RpcJson.object();
                node.put("DomainName", d.domainName());
                node.put("CertName", c.certName());
                node.put("CertType", c.certType());
                if (c.certId() != null) {
                    node.put("CertId", c.certId());
                }
                node.put("CertDomainName", c.certDomainName());
                if (c.certOrg() != null) {
                    node.put("CertOrg", c.certOrg());
                }
                if (c.certStartTime() != null) {
                    node.put("CertStartTime", c.certStartTime());
                    node.put("CertExpireTime", c.certExpireTime());
                }
                node.put("CertUpdateTime", c.certUpdateTime());
                node.put("ServerCertificateStatus", d.sslProtocol());
                node.put("Status", "success");
                return node;
            }));
            return out;
        });
    }

    private ObjectNode refresh(RpcCall call) {
        Params p = call.params();
        String type = p.optional("ObjectType", "File");
        if (!OBJECT_TYPES.contains(type)) {
            throw CdnErrors.objectType();
        }
        List<String> paths = new ArrayList<>();
        for (String line : p.required("ObjectPath").split("\n", -1)) {
            if (!line.isBlank()) {
                paths.add(line.trim());
            }
        }
        if (paths.size() > MAX_PATHS) {
            throw CdnErrors.tooManyPaths();
        }
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            for (String path : paths) {
                String host = host(path).orElseThrow(CdnErrors::objectPath);
                if ("Directory".equals(type) && !path.endsWith("/")) {
                    throw CdnErrors.objectPath();
                }
                // The reference's sample answer for a path on someone else's domain is InvalidDomain.NotFound.
                if (store.answering(host).isEmpty()) {
                    throw CdnErrors.domainNotFound();
                }
            }
            List<String> ids = new ArrayList<>();
            for (String path : paths) {
                String id = Long.toString(store.nextTaskId++);
                store.tasks.add(new CdnRefreshTask(id, path, type.toLowerCase(Locale.ROOT), "Complete", "100%", now));
                ids.add(id);
            }
            ObjectNode out = RpcJson.object();
            out.put("RefreshTaskId", String.join(",", ids));
            return out;
        });
    }

    private static Optional<String> host(String url) {
        try {
            return Optional.ofNullable(new URI(url.contains("://") ? url : "http://" + url).getHost());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private ObjectNode describeTasks(RpcCall call) {
        Params p = call.params();
        int pageSize = p.integer("PageSize").orElse(20);
        int pageNumber = p.integer("PageNumber").orElse(1);
        if (pageSize < 1 || pageSize > 100) {
            throw CdnErrors.malformed("PageSize");
        }
        if (pageNumber < 1) {
            throw CdnErrors.malformed("PageNumber");
        }
        return store.query(() -> {
            List<CdnRefreshTask> matching = store.tasks.stream()
                    .filter(t -> p.optional("TaskId").map(t.taskId()::equals).orElse(true))
                    .filter(t -> p.optional("ObjectPath")
                            .map(o -> t.objectPath().contains(o))
                            .orElse(true))
                    .filter(t -> p.optional("ObjectType")
                            .map(o -> o.equalsIgnoreCase(t.objectType()))
                            .orElse(true))
                    .filter(t -> p.optional("Status").map(t.status()::equals).orElse(true))
                    .filter(t -> p.optional("DomainName")
                            .map(d -> host(t.objectPath())
                                    .map(d::equalsIgnoreCase)
                                    .orElse(false))
                            .orElse(true))
                    .sorted(Comparator.comparing(CdnRefreshTask::taskId).reversed())
                    .toList();
            return CdnJson.page(matching, pageNumber, pageSize, "Tasks", "CDNTask", t -> {
                ObjectNode node = RpcJson.object();
                node.put("TaskId", t.taskId());
                node.put("ObjectPath", t.objectPath());
                node.put("ObjectType", t.objectType());
                node.put("Status", t.status());
                node.put("Process", t.process());
                node.put("CreationTime", t.creationTime());
                node.put("Description", "");
                return node;
            });
        });
    }
}
