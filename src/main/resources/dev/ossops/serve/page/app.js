'use strict';
// Each file: ask this service for a presigned PUT (it checks type and size against the profile), PUT the bytes
// straight to OSS with progress, then ask for the object's URL. The API key stays in this page's memory only.
(function () {
  const keyInput = document.getElementById('api-key');
  const fileInput = document.getElementById('files');
  const drop = document.getElementById('drop');
  const list = document.getElementById('uploads');

  async function api(method, path, body) {
    const response = await fetch(path, {
      method: method,
      headers: Object.assign({ 'Authorization': 'Bearer ' + keyInput.value.trim() },
        body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (!response.ok) {
      throw new Error(data && typeof data.error === 'string' ? data.error : 'HTTP ' + response.status);
    }
    return data;
  }

  function put(url, headers, file, onProgress) {
    return new Promise(function (resolve, reject) {
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', url);
      Object.keys(headers).forEach(function (name) { xhr.setRequestHeader(name, headers[name]); });
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) { onProgress(e.loaded, e.total); } };
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve();
        } else {
          const code = /<Code>([^<]*)<\/Code>/.exec(xhr.responseText || '');
          reject(new Error('OSS answered ' + xhr.status + (code ? ' ' + code[1] : '')));
        }
      };
      xhr.onerror = function () { reject(new Error('the upload to OSS failed (network or CORS)')); };
      xhr.send(file);
    });
  }

  function row(file) {
    const li = document.createElement('li');
    li.className = 'upload';
    li.dataset.name = file.name;
    const name = document.createElement('div');
    name.className = 'name';
    name.textContent = file.name;
    const bar = document.createElement('progress');
    bar.max = 1;
    bar.value = 0;
    const status = document.createElement('div');
    status.className = 'status';
    status.textContent = 'waiting';
    li.append(name, bar, status);
    list.prepend(li);
    return { li: li, bar: bar, status: status };
  }

  async function upload(file) {
    const r = row(file);
    try {
      r.status.textContent = 'signing';
      const signed = await api('POST', '/api/upload/presign',
        { content_type: file.type || 'application/octet-stream', filename: file.name, size: file.size });
      r.li.dataset.key = signed.object_key;
      r.status.textContent = 'uploading';
      await put(signed.upload_url, signed.headers, file, function (loaded, total) {
        r.bar.max = total;
        r.bar.value = loaded;
        r.status.textContent = 'uploading ' + Math.floor(100 * loaded / total) + '%';
      });
      r.bar.max = 1;
      r.bar.value = 1;
      const link = signed.cdn_url ? { url: signed.cdn_url }
        : await api('GET', '/api/image/' + signed.object_key.split('/').map(encodeURIComponent).join('/'));
      const a = document.createElement('a');
      a.className = 'result';
      a.href = link.url;
      a.textContent = link.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      r.li.append(a);
      r.li.classList.add('done');
      r.status.textContent = 'uploaded as ' + signed.object_key;
    } catch (e) {
      r.li.classList.add('failed');
      r.status.textContent = e.message;
    }
  }

  function uploadAll(files) {
    Array.prototype.forEach.call(files, upload);
  }

  fileInput.addEventListener('change', function () {
    uploadAll(fileInput.files);
    fileInput.value = '';
  });
  drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    drop.classList.remove('over');
    uploadAll(e.dataTransfer.files);
  });
}());
