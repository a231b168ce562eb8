'use strict';
// Cross-checks the ossops emulator with the official Node client ali-oss: every step calls the
// emulator the way an application would and compares what comes back with what was sent.
// Run by dev.ossops.emulator.crosscheck.AliOssCrossCheckIT; prints exactly one JSON line on
// stdout ({"mode", "ok", "steps": [{"name", "ok", "error"?}]}) and exits 0 only if every step
// passed.
//
// Environment: OSS_ENDPOINT (http://localhost:PORT), OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET,
// OSS_BUCKET (created and deleted by this script), OSS_REGION (e.g. cn-hangzhou),
// OSS_SIGN_VERSION (v1 | v4).
//
// V4 in ali-oss 6.23 (read from node_modules/ali-oss): `authorizationV4: true` makes
// createRequest sign every API request with OSS4-HMAC-SHA256 (x-oss-content-sha256:
// UNSIGNED-PAYLOAD), so all object, bucket, list and multipart calls here are V4 in that mode.
// Presigning is separate: signatureUrl/asyncSignatureUrl always produce V1 query signatures,
// signatureUrlV4 produces V4 ones, so the presign steps use signatureUrlV4 in V4 mode.

const assert = require('assert');
const crypto = require('crypto');
const dns = require('dns');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const OSS = require('ali-oss');

// The emulator binds 127.0.0.1 only, and "localhost" resolves to ::1 first on some machines
// (Node 17+ keeps the resolver's order): ask for IPv4 first. The endpoint is "localhost" rather
// than "127.0.0.1" because for an IP endpoint ali-oss rewrites the Host header to
// "<bucket>.oss-<region>.aliyuncs.com" (createRequest) while sldEnable still puts the bucket in
// the path: a mixed request no real client sends. With a host name it is plain path style:
// "Host: localhost:PORT", "/bucket/key".
dns.setDefaultResultOrder('ipv4first');

const env = name => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is required`);
  }
  return value;
};

const endpoint = env('OSS_ENDPOINT');
const keyId = env('OSS_ACCESS_KEY_ID');
const secret = env('OSS_ACCESS_KEY_SECRET');
const bucket = env('OSS_BUCKET');
const region = env('OSS_REGION');
const mode = env('OSS_SIGN_VERSION');
if (mode !== 'v1' && mode !== 'v4') {
  throw new Error(`OSS_SIGN_VERSION must be v1 or v4, was ${mode}`);
}
const v4 = mode === 'v4';

function client(accessKeySecret) {
  return new OSS({
    endpoint,
    region: `oss-${region}`,
    accessKeyId: keyId,
    accessKeySecret,
    bucket,
    sldEnable: true,
    authorizationV4: v4,
    timeout: 60000
  });
}

const store = client(secret);

// Error text must never carry the secret or a presigned query string.
function redact(text) {
  return String(text).split(secret).join('<secret>').replace(/(https?:\/\/[^\s?]+)\?\S*/g, '$1?<redacted>');
}

// CRC-64/XZ (ECMA-182 polynomial, reflected, init and xorout all ones): what OSS reports in
// x-oss-hash-crc64ecma, as an unsigned decimal string.
const CRC64_TABLE = (() => {
  const poly = 0xc96c5795d7870f42n;
  const table = new Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = BigInt(i);
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 1n ? (crc >> 1n) ^ poly : crc >> 1n;
    }
    table[i] = crc;
  }
  return table;
})();

function crc64(buffer) {
  let crc = 0xffffffffffffffffn;
  for (const byte of buffer) {
    crc = CRC64_TABLE[Number((crc ^ BigInt(byte)) & 0xffn)] ^ (crc >> 8n);
  }
  return (crc ^ 0xffffffffffffffffn).toString();
}

const md5Hex = data => crypto.createHash('md5').update(data).digest('hex');

// Plain Node http, no SDK: what a browser or curl does with a presigned URL.
function httpRequest(url, method, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: headers || {} }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(30000, () => req.destroy(new Error(`${method} timed out`)));
    req.end(body);
  });
}

async function expectError(promise, status, code) {
  try {
    await promise;
  } catch (err) {
    assert.strictEqual(err.status, status, `status of ${err.name}: ${err.message}`);
    assert.strictEqual(err.code, code, `code (message: ${err.message})`);
    return err;
  }
  throw new Error(`expected ${status} ${code}, but the call succeeded`);
}

async function presign(method, key, headers) {
  if (v4) {
    // signatureUrl always signs V1; ali-oss 6.23 offers signatureUrlV4 for V4 query signing.
    return store.signatureUrlV4(method, 300, { headers: headers || {} }, key);
  }
  const options = { method, expires: 300 };
  if (headers && headers['Content-Type']) {
    options['Content-Type'] = headers['Content-Type'];
  }
  return store.signatureUrl(key, options);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossops-crosscheck-'));
const textBody = 'hello from ali-oss\n';
const binaryBody = crypto.randomBytes(64 * 1024 + 17);
// Several MB, not a multiple of the part size, so the last part is short.
const bigBody = crypto.randomBytes(5 * 1024 * 1024 + 12345);

const steps = [
  ['putBucket', async () => {
    const result = await store.putBucket(bucket);
    assert.strictEqual(result.res.status, 200);
  }],
  ['put-file-path', async () => {
    const file = path.join(workDir, 'hello.txt');
    fs.writeFileSync(file, textBody);
    const result = await store.put('text/hello.txt', file);
    assert.strictEqual(result.res.status, 200);
    assert.strictEqual(result.res.headers.etag, `"${md5Hex(textBody).toUpperCase()}"`);
  }],
  ['put-buffer-meta-mime', async () => {
    const result = await store.put('bin/data.bin', binaryBody, {
      mime: 'application/x-ossops-test',
      meta: { owner: 'crosscheck', run: mode }
    });
    assert.strictEqual(result.res.status, 200);
    assert.strictEqual(result.res.headers['x-oss-hash-crc64ecma'], crc64(binaryBody));
  }],
  ['get-content-headers', async () => {
    const result = await store.get('bin/data.bin');
    assert.ok(binaryBody.equals(result.content), 'content differs');
    const h = result.res.headers;
    assert.strictEqual(h['content-type'], 'application/x-ossops-test');
    assert.strictEqual(h['content-length'], String(binaryBody.length));
    assert.strictEqual(h['x-oss-meta-owner'], 'crosscheck');
    assert.strictEqual(h['x-oss-meta-run'], mode);
    assert.strictEqual(h['x-oss-hash-crc64ecma'], crc64(binaryBody));
    assert.strictEqual(h.etag, `"${md5Hex(binaryBody).toUpperCase()}"`);
  }],
  ['get-text', async () => {
    const result = await store.get('text/hello.txt');
    assert.strictEqual(result.content.toString('utf8'), textBody);
    assert.strictEqual(result.res.headers['content-type'], 'text/plain');
  }],
  ['head', async () => {
    const result = await store.head('bin/data.bin');
    assert.strictEqual(result.status, 200);
    assert.deepStrictEqual(result.meta, { owner: 'crosscheck', run: mode });
    assert.strictEqual(result.res.headers['content-length'], String(binaryBody.length));
    assert.strictEqual(result.res.headers['x-oss-object-type'], 'Normal');
  }],
  ['list-prefix-delimiter', async () => {
    for (const key of ['dir/a.txt', 'dir/b.txt', 'dir/sub/c.txt']) {
      await store.put(key, Buffer.from(key));
    }
    const result = await store.list({ prefix: 'dir/', delimiter: '/' });
    assert.deepStrictEqual(result.objects.map(o => o.name), ['dir/a.txt', 'dir/b.txt']);
    assert.deepStrictEqual(result.prefixes, ['dir/sub/']);
    assert.strictEqual(result.objects[0].size, 'dir/a.txt'.length);
    assert.strictEqual(result.isTruncated, false);
  }],
  ['list-all', async () => {
    const result = await store.list({ 'max-keys': 100 });
    assert.deepStrictEqual(result.objects.map(o => o.name),
      ['bin/data.bin', 'dir/a.txt', 'dir/b.txt', 'dir/sub/c.txt', 'text/hello.txt']);
  }],
  ['listV2-paging', async () => {
    const first = await store.listV2({ prefix: 'dir/', 'max-keys': 2 });
    assert.deepStrictEqual(first.objects.map(o => o.name), ['dir/a.txt', 'dir/b.txt']);
    assert.strictEqual(first.isTruncated, true);
    assert.ok(first.nextContinuationToken, 'no continuation token');
    const second = await store.listV2({
      prefix: 'dir/', 'max-keys': 2, 'continuation-token': first.nextContinuationToken
    });
    assert.deepStrictEqual(second.objects.map(o => o.name), ['dir/sub/c.txt']);
    assert.strictEqual(second.isTruncated, false);
    assert.strictEqual(second.keyCount, 1);
  }],
  ['listV2-delimiter', async () => {
    const result = await store.listV2({ delimiter: '/' });
    assert.deepStrictEqual(result.objects, []);
    assert.deepStrictEqual(result.prefixes, ['bin/', 'dir/', 'text/']);
  }],
  ['delete', async () => {
    const result = await store.delete('dir/a.txt');
    assert.strictEqual(result.res.status, 204);
    await expectError(store.head('dir/a.txt'), 404, 'NoSuchKey');
  }],
  ['deleteMulti', async () => {
    const result = await store.deleteMulti(['dir/b.txt', 'dir/sub/c.txt', 'dir/never-existed'], { quiet: false });
    assert.deepStrictEqual(result.deleted.map(d => d.Key).sort(), ['dir/b.txt', 'dir/never-existed', 'dir/sub/c.txt']);
    const left = await store.listV2({ prefix: 'dir/' });
    assert.deepStrictEqual(left.objects, []);
  }],
  ['multipartUpload-parallel', async () => {
    const file = path.join(workDir, 'big.bin');
    fs.writeFileSync(file, bigBody);
    let lastProgress = 0;
    const result = await store.multipartUpload('big/object.bin', file, {
      partSize: 1024 * 1024,
      parallel: 4,
      mime: 'application/octet-stream',
      meta: { parts: 'six' },
      progress: p => {
        lastProgress = p;
      }
    });
    assert.strictEqual(result.res.status, 200);
    assert.strictEqual(lastProgress, 1);
    const head = await store.head('big/object.bin');
    assert.strictEqual(head.res.headers['content-length'], String(bigBody.length));
    assert.strictEqual(head.res.headers['x-oss-object-type'], 'Multipart');
    assert.match(head.res.headers.etag, /^"[0-9A-F]{32}-6"$/);
    assert.strictEqual(head.res.headers['x-oss-hash-crc64ecma'], crc64(bigBody));
    assert.deepStrictEqual(head.meta, { parts: 'six' });
    const got = await store.get('big/object.bin');
    assert.ok(bigBody.equals(got.content), 'multipart content differs');
    const uploads = await store.listUploads({ prefix: 'big/' });
    assert.deepStrictEqual(uploads.uploads, []);
  }],
  ['multipartUploadCopy', async () => {
    // ali-oss takes each part's ETag from UploadPartCopy's ETag header; without it Complete is InvalidPart.
    const result = await store.multipartUploadCopy('copy/object.bin', {
      sourceKey: 'big/object.bin',
      sourceBucketName: bucket
    }, { partSize: 1024 * 1024, parallel: 3 });
    assert.strictEqual(result.res.status, 200);
    const head = await store.head('copy/object.bin');
    assert.strictEqual(head.res.headers['content-length'], String(bigBody.length));
    assert.strictEqual(head.res.headers['x-oss-object-type'], 'Multipart');
    assert.match(head.res.headers.etag, /^"[0-9A-F]{32}-6"$/);
    assert.strictEqual(head.res.headers['x-oss-hash-crc64ecma'], crc64(bigBody));
    const got = await store.get('copy/object.bin');
    assert.ok(bigBody.equals(got.content), 'multipart copy content differs');
  }],
  ['sse-put-head', async () => {
    const headers = {
      'x-oss-server-side-encryption': 'KMS',
      'x-oss-server-side-data-encryption': 'SM4',
      'x-oss-server-side-encryption-key-id': 'crosscheck-key'
    };
    const put = await store.put('sse/put.txt', Buffer.from(textBody), { headers });
    const head = await store.head('sse/put.txt');
    for (const h of [put.res.headers, head.res.headers]) {
      assert.strictEqual(h['x-oss-server-side-encryption'], 'KMS');
      assert.strictEqual(h['x-oss-server-side-data-encryption'], 'SM4');
      assert.strictEqual(h['x-oss-server-side-encryption-key-id'], 'crosscheck-key');
    }
    await expectError(store.put('sse/bad.txt', Buffer.from(textBody), {
      headers: { 'x-oss-server-side-encryption': 'AES128' }
    }), 400, 'InvalidEncryptionAlgorithmError');
  }],
  ['sse-multipartUpload', async () => {
    const file = path.join(workDir, 'sse-big.bin');
    fs.writeFileSync(file, bigBody);
    // Initiate carries the header; ali-oss leaves it out of UploadPart and Complete, whose answers still name it.
    const result = await store.multipartUpload('sse/multi.bin', file, {
      partSize: 1024 * 1024,
      headers: { 'x-oss-server-side-encryption': 'AES256' }
    });
    assert.strictEqual(result.res.headers['x-oss-server-side-encryption'], 'AES256');
    const head = await store.head('sse/multi.bin');
    assert.strictEqual(head.res.headers['x-oss-server-side-encryption'], 'AES256');
    assert.strictEqual(head.res.headers['x-oss-server-side-encryption-key-id'], undefined);
  }],
  ['presign-get', async () => {
    const url = await presign('GET', 'bin/data.bin');
    const res = await httpRequest(url, 'GET');
    assert.strictEqual(res.status, 200, `status (body ${res.body.toString('utf8').slice(0, 300)})`);
    assert.ok(binaryBody.equals(res.body), 'presigned GET content differs');
    assert.strictEqual(res.headers['x-oss-hash-crc64ecma'], crc64(binaryBody));
  }],
  ['presign-put', async () => {
    const body = Buffer.from('uploaded through a presigned URL');
    const url = await presign('PUT', 'presigned/put.txt', { 'Content-Type': 'text/plain' });
    const res = await httpRequest(url, 'PUT', body, { 'Content-Type': 'text/plain', 'Content-Length': body.length });
    assert.strictEqual(res.status, 200, `status (body ${res.body.toString('utf8').slice(0, 300)})`);
    const got = await store.get('presigned/put.txt');
    assert.ok(body.equals(got.content), 'presigned PUT content differs');
    assert.strictEqual(got.res.headers['content-type'], 'text/plain');
  }],
  ['presign-tampered-refused', async () => {
    const url = new URL(await presign('GET', 'bin/data.bin'));
    const signatureParam = v4 ? 'x-oss-signature' : 'Signature';
    const signature = url.searchParams.get(signatureParam);
    assert.ok(signature, `no ${signatureParam} in the presigned URL`);
    // Same URL for another key: the signature no longer matches.
    url.pathname = url.pathname.replace('data.bin', 'other.bin');
    const res = await httpRequest(url.toString(), 'GET');
    assert.strictEqual(res.status, 403);
    assert.match(res.body.toString('utf8'), /<Code>SignatureDoesNotMatch<\/Code>/);
  }],
  ['lifecycle-put-get', async () => {
    await store.putBucketLifecycle(bucket, [
      { id: 'expire-logs', prefix: 'logs/', status: 'Enabled', expiration: { days: 30 } },
      { id: 'abort-uploads', prefix: 'tmp/', status: 'Enabled', abortMultipartUpload: { days: 7 } },
      { id: 'to-ia', prefix: 'media/', status: 'Disabled', transition: { days: 60, storageClass: 'IA' } }
    ]);
    const { rules } = await store.getBucketLifecycle(bucket);
    assert.deepStrictEqual(rules, [
      { id: 'expire-logs', prefix: 'logs/', status: 'Enabled', expiration: { days: '30' } },
      { id: 'abort-uploads', prefix: 'tmp/', status: 'Enabled', abortMultipartUpload: { days: '7' } },
      { id: 'to-ia', prefix: 'media/', status: 'Disabled', transition: { days: '60', storageClass: 'IA' } }
    ]);
  }],
  ['lifecycle-older-form', async () => {
    // {days} and {date} make ali-oss send <Days>/<Date> under <Rule> beside the <Expiration>.
    await store.putBucketLifecycle(bucket, [
      { id: 'by-days', prefix: 'logs/', status: 'Enabled', days: 30 },
      { id: 'by-date', prefix: 'old/', status: 'Enabled', date: '2020-02-18T00:00:00.000Z' }
    ]);
    const { rules } = await store.getBucketLifecycle(bucket);
    assert.deepStrictEqual(rules, [
      { id: 'by-days', prefix: 'logs/', status: 'Enabled', expiration: { days: '30' } },
      { id: 'by-date', prefix: 'old/', status: 'Enabled', expiration: { createdBeforeDate: '2020-02-18T00:00:00.000Z' } }
    ]);
  }],
  ['lifecycle-delete-then-NoSuchLifecycle', async () => {
    await store.deleteBucketLifecycle(bucket);
    await expectError(store.getBucketLifecycle(bucket), 404, 'NoSuchLifecycle');
  }],
  ['cors-put-get', async () => {
    await store.putBucketCORS(bucket, [
      {
        allowedOrigin: ['https://app.example.com', 'https://admin.example.com'],
        allowedMethod: ['GET', 'PUT'],
        allowedHeader: '*',
        exposeHeader: ['ETag', 'x-oss-request-id'],
        maxAgeSeconds: '600'
      },
      { allowedOrigin: '*', allowedMethod: 'HEAD' }
    ]);
    const { rules } = await store.getBucketCORS(bucket);
    assert.deepStrictEqual(rules, [
      {
        allowedOrigin: ['https://app.example.com', 'https://admin.example.com'],
        allowedMethod: ['GET', 'PUT'],
        allowedHeader: '*',
        exposeHeader: ['ETag', 'x-oss-request-id'],
        maxAgeSeconds: '600'
      },
      { allowedOrigin: '*', allowedMethod: 'HEAD' }
    ]);
  }],
  ['cors-delete-then-NoSuchCORSConfiguration', async () => {
    await store.deleteBucketCORS(bucket);
    await expectError(store.getBucketCORS(bucket), 404, 'NoSuchCORSConfiguration');
  }],
  ['error-get-NoSuchKey', async () => {
    const err = await expectError(store.get('missing/key.txt'), 404, 'NoSuchKey');
    assert.strictEqual(err.message, 'The specified key does not exist.');
    assert.ok(err.requestId, 'no RequestId in the error');
  }],
  ['error-wrong-secret-SignatureDoesNotMatch', async () => {
    await expectError(client(`${secret}x`).get('bin/data.bin'), 403, 'SignatureDoesNotMatch');
  }],
  ['error-NoSuchBucket', async () => {
    const other = client(secret);
    other.useBucket(`${bucket}-absent`);
    await expectError(other.get('bin/data.bin'), 404, 'NoSuchBucket');
  }],
  ['cleanup-deleteBucket', async () => {
    const all = await store.listV2({ 'max-keys': 1000 });
    await store.deleteMulti(all.objects.map(o => o.name), { quiet: true });
    const result = await store.deleteBucket(bucket);
    assert.strictEqual(result.res.status, 204);
  }]
];

async function main() {
  const results = [];
  for (const [name, run] of steps) {
    try {
      await run();
      results.push({ name, ok: true });
    } catch (err) {
      const code = err.code ? `${err.code}: ` : '';
      results.push({ name, ok: false, error: redact(`${err.name} ${code}${err.message}`) });
    }
  }
  fs.rmSync(workDir, { recursive: true, force: true });
  const ok = results.every(r => r.ok);
  process.stdout.write(`${JSON.stringify({ mode, ok, steps: results })}\n`);
  process.exitCode = ok ? 0 : 1;
}

main().catch(err => {
  fs.rmSync(workDir, { recursive: true, force: true });
  process.stderr.write(`crosscheck aborted: ${redact(err.stack || err)}\n`);
  process.exitCode = 2;
});
