/**
 * Uploads to DashScope (Model Studio) temporary storage: a policy from
 * {@code GET /api/v1/uploads?action=getPolicy}, a PostObject form to its {@code upload_host},
 * and an {@code oss://} URL good for 48 hours. Plain {@code java.net.http}: no SDK is involved.
 */
package dev.ossops.upload.dashscope;
