'use strict';
/* A plan's attachments: list with download links; upload (with the Tasklist session's CSRF token) and withdraw. */
(function () {
  const { el, row, show } = planflow;
  const match = location.pathname.match(/^\/dashboard\/plans\/([^/]+)\/attachments\/?$/);
  const code = match ? decodeURIComponent(match[1]) : '';
  const task = new URLSearchParams(location.search).get('task') || '';
  const api = '/api/plans/' + encodeURIComponent(code) + '/attachments';
  const done = document.getElementById('done');
  let maxSize = 0;
  let maxSizeText = '';

  document.getElementById('plan-code').textContent = code;
  if (/^[A-Za-z0-9-]+$/.test(task)) {
    document.getElementById('back').href = '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(task);
  }

  async function problem(response) {
    if (response.status === 401) { return 'Anh/chị cần đăng nhập Tasklist trước.'; }
    try {
      const body = await response.json();
      return body.detail || ('Không thực hiện được (mã lỗi ' + response.status + ').');
    } catch (e) {
      return 'Không thực hiện được (mã lỗi ' + response.status + ').';
    }
  }

  function tell(text) {
    document.getElementById('message').hidden = true;
    done.textContent = text;
    done.hidden = false;
  }

  async function withdraw(attachment) {
    if (!window.confirm('Rút tệp "' + attachment.name + '"? Tệp không còn hiện trong các nhiệm vụ, nhưng vẫn được lưu vết.')) {
      return;
    }
    const response = await fetch(api + '/' + attachment.id, {
      method: 'DELETE', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': await planflow.csrfToken(), Accept: 'application/json' }
    });
    if (!response.ok) { show(await problem(response)); return; }
    tell('Đã rút tệp "' + attachment.name + '".');
    await load();
  }

  async function load() {
    const list = await planflow.json(api);
    document.getElementById('upload-section').hidden = !list.mayUpload;
    document.getElementById('comment-section').hidden = !list.mayUpload || !/^[A-Za-z0-9-]+$/.test(task);
    document.getElementById('no-upload').hidden = list.mayUpload;
    maxSize = list.maxSize;
    maxSizeText = list.maxSizeText;
    document.getElementById('limits').textContent =
      'Mỗi tệp tối đa ' + list.maxSizeText + '; nhận các loại: ' + list.allowedTypes + '.';
    const body = document.querySelector('#attachments tbody');
    body.replaceChildren();
    if (list.attachments.length === 0) {
      const cell = el('td', 'Kế hoạch chưa có tệp đính kèm.');
      cell.colSpan = 8;
      body.appendChild(row([cell]));
    }
    list.attachments.forEach(a => {
      const name = el('td');
      const link = el('a', a.name);
      link.href = a.downloadUrl;
      name.appendChild(link);
      const action = el('td');
      if (a.withdrawn) {
        name.appendChild(el('div', 'Đã rút bởi ' + (a.withdrawnByName || '') + ' lúc ' + (a.withdrawnAtText || ''), 'open'));
      } else if (a.withdrawable) {
        const button = el('button', 'Rút tệp');
        button.type = 'button';
        button.addEventListener('click', () => withdraw(a).catch(e => show(e.message)));
        action.appendChild(button);
      }
      body.appendChild(row([name, a.sizeText, a.uploadedByName || '', a.uploadedByUnitName || '', a.uploadedAtText,
        a.step || '', a.note || '', action]));
    });
  }

  document.getElementById('file').addEventListener('change', event => {
    const file = event.target.files[0];
    document.getElementById('fileName').textContent = file ? file.name : 'Chưa chọn tệp';
  });

  document.getElementById('upload').addEventListener('submit', async event => {
    event.preventDefault();
    const file = document.getElementById('file').files[0];
    if (!file) { show('Anh/chị chưa chọn tệp.'); return; }
    if (maxSize && file.size > maxSize) {
      show('Tệp "' + file.name + '" quá lớn: mỗi tệp tối đa ' + maxSizeText + '.');
      return;
    }
    const data = new FormData();
    data.append('file', file, file.name);
    if (/^[A-Za-z0-9-]+$/.test(task)) { data.append('task', task); }
    const note = document.getElementById('note').value.trim();
    if (note) { data.append('note', note); }
    const button = document.getElementById('send');
    button.disabled = true;
    try {
      const response = await fetch(api, {
        method: 'POST', body: data, credentials: 'same-origin',
        headers: { 'X-XSRF-TOKEN': await planflow.csrfToken(), Accept: 'application/json' }
      });
      if (!response.ok) { show(await problem(response)); return; }
      const saved = await response.json();
      document.getElementById('upload').reset();
      document.getElementById('fileName').textContent = 'Chưa chọn tệp';
      tell('Đã tải lên tệp "' + saved.name + '".');
      await load();
    } catch (e) {
      show(e.message);
    } finally {
      button.disabled = false;
    }
  });

  document.getElementById('comment').addEventListener('submit', async event => {
    event.preventDefault();
    const message = document.getElementById('comment-message').value.trim();
    if (!message) { show('Anh/chị chưa nhập nội dung ghi chú.'); return; }
    const button = document.getElementById('comment-send');
    button.disabled = true;
    try {
      const response = await fetch(api + '/comments', {
        method: 'POST', credentials: 'same-origin', body: JSON.stringify({ task: task, message: message }),
        headers: { 'X-XSRF-TOKEN': await planflow.csrfToken(), 'Content-Type': 'application/json', Accept: 'application/json' }
      });
      if (!response.ok) { show(await problem(response)); return; }
      document.getElementById('comment').reset();
      tell('Đã lưu ghi chú. Người xử lý các bước sau sẽ thấy ghi chú này.');
    } catch (e) {
      show(e.message);
    } finally {
      button.disabled = false;
    }
  });

  load().catch(e => show(e.message));
})();
