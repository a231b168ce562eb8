/**
 * The uploader's gateway to OSS and STS over the official SDKs: {@link dev.ossops.cloud.upload.OssTransfer}
 * implements the upload package's {@link dev.ossops.upload.ObjectStore} (CRC-64 checked per call,
 * expired STS tokens refreshed once); {@link dev.ossops.cloud.upload.OssObjectSource} and
 * {@link dev.ossops.cloud.upload.HttpObjectSource} feed the downloader; {@link dev.ossops.cloud.upload.StsVending}
 * issues prefix-bound temporary credentials.
 */
package dev.ossops.cloud.upload;
