package dev.ossops.emulator;

import com.aliyun.oss.common.comm.SignVersion;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Picks the signature version of an injected {@link com.aliyun.oss.OSS} parameter: {@code @SignedWith(V1) OSS oss}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface SignedWith {
    SignVersion value();
}
