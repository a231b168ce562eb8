/**
 * {@code ossops serve}: the upload coordinator of the seeds. It never touches file bytes: it authenticates a caller by
 * API key ({@link dev.ossops.serve.ApiKeys}), which decides the principal and so the key prefix
 * ({@link dev.ossops.serve.UploadKeys}), and hands out the right to upload one object (presigned PUT, PostObject form,
 * STS credentials scoped to a prefix or one key), then confirms the upload ({@link dev.ossops.serve.StsUploads}).
 * <p>Layers: {@link dev.ossops.serve.ServeServer} (Jetty, limits, CORS, access log) -> {@link dev.ossops.serve.ServeHandler}
 * (routing, JSON; {@link dev.ossops.serve.ApiKeyGate}: authentication, rate limit) -> {@link dev.ossops.serve.DirectUploads} and
 * {@link dev.ossops.serve.StsUploads} (the rules) ->
 * {@link dev.ossops.serve.Storage} and {@link dev.ossops.serve.TokenVendor}, implemented over the {@code cloud} gateways
 * by {@link dev.ossops.serve.CloudBackends}. Never imports {@code emulator}: the service talks to OSS and STS as to the
 * real ones.
 * <p>Why Jetty 12 (core handlers, no servlet API): it is maintained by the Eclipse Foundation with frequent security
 * releases, it is only four small jars here (server, http, io, util; about 2 MB, logging through the SLF4J API that the
 * SDKs already bring), and it has what a service facing browsers needs built in: header size limits (431), idle
 * timeouts (request bodies get their own deadline, in {@link dev.ossops.serve.ServeHandler}), a connection cap, and a CORS handler. Javalin would add
 * Kotlin's standard library on top of the same Jetty; Undertow brings XNIO and JBoss logging. The emulator keeps its
 * hand-written server because it must reproduce OSS's wire format byte for byte; this service only needs correct HTTP.
 */
package dev.ossops.serve;
