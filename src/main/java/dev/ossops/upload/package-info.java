/**
 * The uploader: key layout, multipart with resume, presigned URLs, STS vending, post policies, downloads.
 * <p>The pure core (no network, no SDK): {@link dev.ossops.upload.UploaderSettings} and
 * {@link dev.ossops.upload.EnvUploaderSettings} (+ {@link dev.ossops.upload.DotEnv}) configure it;
 * {@link dev.ossops.upload.FileSelection} picks the files; {@link dev.ossops.upload.UploadRules}
 * and {@link dev.ossops.upload.ContentTypes} vet each before a byte is sent;
 * {@link dev.ossops.upload.KeyLayout} names it; {@link dev.ossops.upload.PartPlan} cuts it;
 * {@link dev.ossops.upload.Crc64} checks it; {@link dev.ossops.upload.CheckpointStore} lets it
 * resume; {@link dev.ossops.upload.UploadReport} prints it. {@link dev.ossops.upload.PostPolicy},
 * {@link dev.ossops.upload.SessionPolicies} and {@link dev.ossops.upload.MinimalPolicy} serve the
 * browser form, STS vending and least-privilege commands; {@link dev.ossops.upload.ObjectUrl}
 * reads download arguments; {@link dev.ossops.upload.Masking} keeps presigned queries out of output.
 */
package dev.ossops.upload;
