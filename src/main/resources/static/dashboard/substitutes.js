'use strict';
/* The substitutes page (ủy quyền xử lý): name a substitute, end one early, take over offered tasks. */
(function () {
  const { json, el, row, show } = planflow;
  const FIELDS = {
    official: 'Người ủy quyền', substitute: 'Người được ủy quyền', fromDate: 'Từ ngày', toDate: 'Đến ngày',
    reason: 'Lý do', id: 'Ủy quyền', taskId: 'Việc', body: 'Nội dung'
  };
  const form = document.getElementById('create');
  const officialSelect = document.getElementById('official');
  const substituteSelect = document.getElementById('substitute');
  let state = { administrator: false, official: false };

  function notice(text) {
    const box = document.getElementById('notice');
    box.textContent = text;
    box.hidden = false;
    document.getElementById('message').hidden = true;
  }

  function clearErrors() {
    form.querySelectorAll('.field-error').forEach(node => node.remove());
    form.querySelectorAll('[aria-invalid]').forEach(node => node.removeAttribute('aria-invalid'));
    document.getElementById('message').hidden = true;
  }

  /** A change to the server; a refusal becomes an Error carrying the problem's field errors. */
  async function send(method, url, body) {
    const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': await planflow.csrfToken() };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    const response = await fetch(url, {
      method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (response.ok) { return response.json(); }
    let problem = {};
    try { problem = await response.json(); } catch (ignored) { /* not JSON */ }
    const error = new Error(readable(problem.detail) || ('Không thực hiện được (mã lỗi ' + response.status + ').'));
    error.fieldErrors = problem.errors || [];
    const conflict = /^(\w+): /.exec(problem.detail || '');
    if (error.fieldErrors.length === 0 && conflict) {
      error.fieldErrors = [{ field: conflict[1], message: problem.detail.substring(conflict[0].length) }];
    }
    throw error;
  }

  /** "fromDate: …; toDate: …" with the labels the official sees instead of the field names. */
  function readable(detail) {
    if (!detail) { return detail; }
    return detail.split('; ').map(part => {
      const match = /^(\w+): (.*)$/.exec(part);
      return match && FIELDS[match[1]] ? FIELDS[match[1]] + ': ' + match[2] : part;
    }).join('; ');
  }

  function fieldError(field, message) {
    const input = document.getElementById(field);
    if (!input) { return false; }
    input.setAttribute('aria-invalid', 'true');
    const note = el('div', message, 'field-error');
    note.id = field + '-error';
    input.setAttribute('aria-describedby', note.id);
    input.parentNode.appendChild(note);
    return true;
  }

  function option(value, text) {
    const node = document.createElement('option');
    node.value = value;
    node.textContent = text;
    return node;
  }

  async function loadCandidates() {
    const forOfficial = state.administrator ? officialSelect.value : '';
    substituteSelect.replaceChildren(option('', '— Chọn người được ủy quyền —'));
    if (state.administrator && !forOfficial) { return; }
    const query = forOfficial ? '?official=' + encodeURIComponent(forOfficial) : '';
    const candidates = await json('/api/substitutions/candidates' + query);
    candidates.forEach(c => substituteSelect.appendChild(option(c.id, c.name)));
  }

  async function loadOffered() {
    const list = document.getElementById('offered');
    const offered = state.official ? await json('/api/substitutions/offered') : [];
    list.replaceChildren();
    document.getElementById('offered-section').hidden = !state.official;
    if (offered.length === 0) {
      list.appendChild(el('li', 'Hiện không có việc nào được ủy quyền cho anh/chị.'));
    }
    offered.forEach(task => {
      const item = el('li');
      const text = el('div');
      text.appendChild(el('strong', task.name));
      text.appendChild(el('div', 'Thay mặt ông/bà ' + task.officialName + (task.planCode ? ' — kế hoạch ' + task.planCode : '')));
      item.appendChild(text);
      if (task.taken) {
        const open = el('a', 'Mở việc trong danh sách công việc');
        open.href = task.link;
        open.className = 'open-task';
        item.appendChild(open);
      } else {
        const take = el('button', 'Nhận xử lý thay');
        take.type = 'button';
        take.className = 'take';
        take.addEventListener('click', async () => {
          take.disabled = true;
          try {
            const taken = await send('POST', '/api/substitutions/tasks/' + encodeURIComponent(task.taskId) + '/take');
            location.href = taken.link;
          } catch (e) {
            take.disabled = false;
            show(e.message);
          }
        });
        item.appendChild(take);
      }
      list.appendChild(item);
    });
  }

  async function loadList() {
    const data = await json('/api/substitutions');
    state = data;
    const body = document.querySelector('#list tbody');
    body.replaceChildren();
    if (data.substitutions.length === 0) {
      body.appendChild(row(['Chưa có ủy quyền nào.', '', '', '', '', '', '']));
    }
    data.substitutions.forEach(s => {
      const status = el('td', s.statusText + (s.endedAt && s.endedBy ? ' (' + s.endedBy + ')' : ''), 'status-' + s.status);
      const action = el('td');
      if (s.mayEnd) {
        const end = el('button', 'Kết thúc sớm', 'secondary');
        end.type = 'button';
        end.addEventListener('click', async () => {
          if (!confirm('Kết thúc ủy quyền cho ' + s.substituteName + ' ngay bây giờ?')) { return; }
          try {
            await send('DELETE', '/api/substitutions/' + s.id);
            notice('Đã kết thúc ủy quyền cho ' + s.substituteName + '.');
            await loadList();
          } catch (e) {
            show(e.message);
          }
        });
        action.appendChild(end);
      }
      body.appendChild(row([s.officialName, s.substituteName, s.fromDateText, s.toDateText, s.reason || '', status, action]));
    });
    return data;
  }

  async function start() {
    const data = await loadList();
    document.getElementById('create-section').hidden = !data.official && !data.administrator;
    if (data.administrator) {
      document.getElementById('official-field').hidden = false;
      officialSelect.replaceChildren(option('', '— Chọn cán bộ ủy quyền —'));
      (await json('/api/substitutions/officials')).forEach(o => officialSelect.appendChild(option(o.id, o.name)));
      officialSelect.addEventListener('change', () => loadCandidates().catch(e => show(e.message)));
    }
    const today = data.today.split('-').reverse().join('/');
    document.getElementById('fromDate').value = today;
    await loadCandidates();
    await loadOffered();
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors();
    const body = {
      substitute: substituteSelect.value || null,
      fromDate: document.getElementById('fromDate').value.trim() || null,
      toDate: document.getElementById('toDate').value.trim() || null,
      reason: document.getElementById('reason').value.trim() || null
    };
    if (state.administrator) { body.official = officialSelect.value || null; }
    try {
      const created = await send('POST', '/api/substitutions', body);
      notice('Đã ủy quyền cho ' + created.substituteName + ' từ ' + created.fromDateText + ' đến ' + created.toDateText + '.');
      document.getElementById('toDate').value = '';
      document.getElementById('reason').value = '';
      await loadList();
    } catch (e) {
      const unplaced = (e.fieldErrors || []).filter(problem => !fieldError(problem.field, problem.message));
      show(e.message);
      if (unplaced.length === 0 && (e.fieldErrors || []).length > 0) {
        document.querySelector('[aria-invalid="true"]').focus();
      }
    }
  });

  start().catch(e => show(e.message));
})();
