package dev.ossops.cloud;

/** The RPC-style products ossops calls through {@code aliyun-java-sdk-core}, with their public endpoints. */
public enum PopProduct {
    RAM("Ram") {
        @Override
        String publicHost(String region) {
            return "ram.aliyuncs.com";
        }
    },
    STS("Sts") {
        @Override
        String publicHost(String region) {
            return "sts." + region + ".aliyuncs.com";
        }
    },
    CDN("Cdn") {
        @Override
        String publicHost(String region) {
            return "cdn.aliyuncs.com";
        }
    };

    private final String productName;

    PopProduct(String productName) {
        this.productName = productName;
    }

    /** The product name the SDK's endpoint tables use. */
    public String productName() {
        return productName;
    }

    abstract String publicHost(String region);
}
