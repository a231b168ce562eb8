package dev.ossops.policy;

/** A policy in force for a request, with the name explanations use ("AppOSSReadWrite", "bucket policy of media"). */
public record AttachedPolicy(String name, PolicyDocument document) {
    public PolicyType type() {
        return document.type();
    }
}
