/**
 * The OSS gateway: every bucket configuration read (not found = {@code Optional.empty()}) and written through the
 * official SDK and the one retry layer, with small mappers between SDK and spec-model types.
 */
package dev.ossops.cloud.oss;
