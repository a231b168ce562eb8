// ali-oss for the WAN upload benchmark (bench/upload-wan.sh). Arguments: endpoint bucket MODE [args].
// Modes:
//   create-bucket
//   multipart KEY FILE           multipartUpload with ali-oss's defaults, or with PART_BYTES and
//                                PARALLEL when set (the benchmark sets them to ossops's choice)
//   put-dir PREFIX DIR           put() of every file of DIR, IN_FLIGHT (default 5) at a time:
//                                ali-oss has no batch upload; 5 is its multipart parallelism
//   presign-dir PREFIX DIR       a curl config (url + upload-file per file) on stdout, V1 presigned PUTs
//   presign KEY                  one presigned PUT URL on stdout
//   presign-get KEY              one presigned GET URL on stdout
//   delete-prefix PREFIX         deletes every object under PREFIX
// Credentials from OSS_ACCESS_KEY_ID / OSS_ACCESS_KEY_SECRET, region from OSS_REGION.
const dns = require('dns');
const fs = require('fs');
const path = require('path');
const OSS = require('ali-oss');

dns.setDefaultResultOrder('ipv4first');
const [endpoint, bucket, mode, a, b] = process.argv.slice(2);
// Path-style requests to localhost, as the emulator's own ali-oss cross-check configures them.
const client = new OSS({
  endpoint: endpoint.replace('127.0.0.1', 'localhost'),
  bucket,
  region: `oss-${process.env.OSS_REGION}`,
  accessKeyId: process.env.OSS_ACCESS_KEY_ID,
  accessKeySecret: process.env.OSS_ACCESS_KEY_SECRET,
  sldEnable: true,
  authorizationV4: true,
  timeout: 600000,
});

async function putDir(prefix, dir) {
  const names = fs.readdirSync(dir).sort();
  const inFlight = Number(process.env.IN_FLIGHT || 5);
  let next = 0;
  async function worker() {
    while (next < names.length) {
      const name = names[next++];
      await client.put(`${prefix}/${name}`, path.join(dir, name));
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker));
}

async function deletePrefix(prefix) {
  for (;;) {
    const listed = await client.list({ prefix, 'max-keys': 1000 });
    const keys = (listed.objects || []).map((o) => o.name);
    if (keys.length === 0) return;
    await client.deleteMulti(keys, { quiet: true });
  }
}

(async () => {
  switch (mode) {
    case 'create-bucket':
      await client.putBucket(bucket);
      break;
    case 'multipart': {
      const options = {};
      if (process.env.PART_BYTES) options.partSize = Number(process.env.PART_BYTES);
      if (process.env.PARALLEL) options.parallel = Number(process.env.PARALLEL);
      const result = await client.multipartUpload(a, b, options);
      console.log(result.res.status);
      break;
    }
    case 'put-dir':
      await putDir(a, b);
      break;
    case 'presign':
      console.log(client.signatureUrl(a, { method: 'PUT', expires: 3600, 'Content-Type': 'application/octet-stream' }));
      break;
    case 'presign-get':
      console.log(client.signatureUrl(a, { method: 'GET', expires: 3600 }));
      break;
    case 'presign-dir':
      for (const name of fs.readdirSync(b).sort()) {
        const url = client.signatureUrl(`${a}/${name}`, { method: 'PUT', expires: 3600, 'Content-Type': 'application/octet-stream' });
        console.log(`url = "${url}"\nupload-file = "${path.join(b, name)}"\noutput = "/dev/null"`);
      }
      break;
    case 'delete-prefix':
      await deletePrefix(a);
      break;
    default:
      throw new Error(`unknown mode ${mode}`);
  }
})().catch((e) => { console.error(e.code || e.name, e.message); process.exit(1); });
