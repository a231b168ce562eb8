/**
 * The uploader: key layout, multipart with resume, presigned URLs, STS vending, post policies, downloads.
 * <p>The pure core (no network, no SDK): {@link dev.ossops.upload.UploaderSettings} and
 * {@link dev.ossops.upload.EnvUploaderSettings} (+ {@link dev.ossops.upload.DotEnv}) configure it;
 * {@link dev.ossops.upload.FileSelection} picks the files; {@link dev.ossops.upload.UploadRules}
 * and {@link dev.ossops.upload.ContentTypes} vet each before a byte is sent;
 * {@link dev.ossops.upload.KeyLayout} names it; {@link dev.ossops.upload.PartPlan} cuts it;
 * {@link dev.ossops.checksum.Crc64} checks it; {@link dev.ossops.upload.CheckpointStore} lets it
 * resume; {@link dev.ossops.upload.UploadReport} prints it. {@link dev.ossops.upload.PostPolicy},
 * {@link dev.ossops.upload.SessionPolicies} and {@link dev.ossops.upload.MinimalPolicy} serve the
 * browser form, STS vending and least-privilege commands; {@link dev.ossops.upload.ObjectUrl}
 * reads download arguments; {@link dev.ossops.upload.Masking} keeps presigned queries out of output.
 * <p>The orchestration: {@link dev.ossops.upload.Uploader} (parallel multipart with resume and
 * abort-on-failure, and abort of the uploads that InitiateMultipartUpload attempts with lost answers
 * started, picked by {@link dev.ossops.upload.LostInitiations}) and {@link dev.ossops.upload.Downloader} (ranged parallel GETs with resume)
 * work through {@link dev.ossops.upload.ObjectStore} and {@link dev.ossops.upload.Downloader.Source},
 * implemented over the SDK in {@code dev.ossops.cloud.upload}, so no SDK type reaches this package.
 */
package dev.ossops.upload;
