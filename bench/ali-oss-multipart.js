// ali-oss multipartUpload with ossops's part size and parallelism (PART_MIB, default 8, and PARALLEL,
// default 4, set by the benchmark to what ossops chooses for the file), as the benchmark's Node baseline.
// Arguments: endpoint bucket key file [create-bucket|delete]. Credentials from OSS_ACCESS_KEY_ID /
// OSS_ACCESS_KEY_SECRET. The benchmark also uses it to create its bucket and delete each uploaded object.
const dns = require('dns');
const OSS = require('ali-oss');

dns.setDefaultResultOrder('ipv4first');
const [endpoint, bucket, key, file] = process.argv.slice(2);
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
const mode = process.argv[6];
(async () => {
  if (mode === 'create-bucket') {
    await client.putBucket(bucket);
    return;
  }
  if (mode === 'delete') {
    await client.delete(key);
    return;
  }
  // The same part size and parallelism as `ossops upload`'s defaults, so only the client differs.
  const partSize = Number(process.env.PART_MIB || 8) * 1024 * 1024;
  const parallel = Number(process.env.PARALLEL || 4);
  const result = await client.multipartUpload(key, file, { partSize, parallel });
  console.log(result.res.status);
})().catch((e) => { console.error(e.code || e.name, e.message); process.exit(1); });
