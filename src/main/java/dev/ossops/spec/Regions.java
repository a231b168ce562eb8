package dev.ossops.spec;

import java.util.List;

/** The Alibaba Cloud region ids OSS serves, kept in this one place. */
public final class Regions {

    /** Region ids in the order Alibaba Cloud's endpoint table lists them. */
    public static final List<String> ALL = List.of(
            "cn-hangzhou",
            "cn-shanghai",
            "cn-nanjing",
            "cn-fuzhou",
            "cn-wuhan-lr",
            "cn-qingdao",
            "cn-beijing",
            "cn-zhangjiakou",
            "cn-huhehaote",
            "cn-wulanchabu",
            "cn-shenzhen",
            "cn-heyuan",
            "cn-guangzhou",
            "cn-chengdu",
            "cn-hongkong",
            "us-west-1",
            "us-east-1",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-5",
            "ap-southeast-6",
            "ap-southeast-7",
            "ap-south-1",
            "eu-central-1",
            "eu-west-1",
            "me-east-1",
            "me-central-1",
            "na-south-1",
            "cn-hangzhou-finance",
            "cn-shanghai-finance-1",
            "cn-shenzhen-finance-1",
            "cn-beijing-finance-1");

    private Regions() {}

    /** The public OSS endpoint of a region, e.g. {@code https://oss-cn-beijing.aliyuncs.com}. */
    public static String publicOssEndpoint(String region) {
        return "https://oss-" + region + ".aliyuncs.com";
    }
}
