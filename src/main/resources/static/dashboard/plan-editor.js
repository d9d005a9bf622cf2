'use strict';
/* The plan editor (/dashboard/plans/{code}/edit?task=…): reads /api/plans/{code}/draft, edits rows, saves with PUT. */
(function () {
  const code = decodeURIComponent(location.pathname.split('/')[3] || '');
  const taskId = new URLSearchParams(location.search).get('task') || '';
  const api = '/api/plans/' + encodeURIComponent(code) + '/draft?task=' + encodeURIComponent(taskId);
  let unitOptions = [];

  const LABELS = {
    legalBases: 'Căn cứ', objectives: 'Mục tiêu, yêu cầu', targets: 'Chỉ tiêu', sections: 'Mục nội dung',
    budget: 'Kinh phí thực hiện', recipients: 'Nơi nhận', tasks: 'Phụ lục, nhiệm vụ', reporting: 'Chế độ báo cáo',
    code: 'số', text: 'nội dung', value: 'giá trị', unit: 'đơn vị tính', heading: 'tiêu đề', body: 'nội dung',
    no: 'TT', name: 'tên nhiệm vụ', leadUnit: 'đơn vị chủ trì', coordinatingUnits: 'đơn vị phối hợp',
    product: 'sản phẩm', timeframe: 'thời gian', budgetSource: 'kinh phí', group: 'nhóm', content: 'nội dung',
    target: 'mục tiêu', reportTo: 'đơn vị nhận báo cáo', deadlines: 'hạn báo cáo', file: 'Tệp Phụ lục',
    task: 'Nhiệm vụ', body_: 'Nội dung', header: 'Dòng tiêu đề của tệp'
  };

  /** "tasks[2].leadUnit" → "Phụ lục, nhiệm vụ 3 — đơn vị chủ trì"; "rows[5].Tên nhiệm vụ" → "Dòng 5 của tệp — Tên nhiệm vụ". */
  function describeField(field) {
    const row = /^rows\[(\d+)\]\.?(.*)$/.exec(field);
    if (row) { return 'Dòng ' + row[1] + ' của tệp' + (row[2] ? ' — cột ' + (LABELS[row[2]] || row[2]) : ''); }
    const parts = field.split('.');
    return parts.map(part => {
      const m = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(part);
      if (!m) { return part; }
      const label = LABELS[m[1]] || m[1];
      return m[2] === undefined ? label : label + ' thứ ' + (Number(m[2]) + 1);
    }).join(' — ');
  }

  async function send(method, url, body, isForm) {
    const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': await planflow.csrfToken() };
    if (!isForm) { headers['Content-Type'] = 'application/json'; }
    const response = await fetch(url, { method, credentials: 'same-origin', headers,
      body: body === undefined ? undefined : (isForm ? body : JSON.stringify(body)) });
    let json = null;
    try { json = await response.json(); } catch (e) { json = null; }
    return { status: response.status, ok: response.ok, json };
  }

  function problemText(result) {
    if (result.status === 401) { return 'Phiên đăng nhập đã hết. Hãy đăng nhập lại Tasklist rồi mở lại trang này.'; }
    const detail = result.json && (result.json.detail || result.json.title);
    if (result.status === 403) { return 'Anh/chị không được sửa dự thảo này: ' + (detail || 'không có quyền.'); }
    if (result.status === 409) { return detail || 'Kế hoạch không còn ở bước soạn thảo.'; }
    return detail || ('Không thực hiện được (mã lỗi ' + result.status + ').');
  }

  function errors(result) {
    return (result.json && Array.isArray(result.json.errors)) ? result.json.errors : [];
  }

  // ----- rows -----
  function input(value, name, placeholder) {
    const el = document.createElement('input');
    el.type = 'text'; el.value = value == null ? '' : value; el.dataset.name = name;
    el.setAttribute('aria-label', placeholder || LABELS[name] || name);
    return el;
  }
  function area(value, name, rows) {
    const el = document.createElement('textarea');
    el.value = value == null ? '' : value; el.dataset.name = name; el.rows = rows || 2;
    el.setAttribute('aria-label', LABELS[name] || name);
    return el;
  }
  function unitSelect(value, name) {
    const select = document.createElement('select');
    select.dataset.name = name;
    select.setAttribute('aria-label', LABELS[name] || name);
    select.appendChild(new Option('— Chọn đơn vị —', ''));
    unitOptions.forEach(o => select.appendChild(new Option(o.label, o.value)));
    select.value = value || '';
    return select;
  }
  function removeButton(label) {
    const b = document.createElement('button');
    b.type = 'button'; b.textContent = 'Xóa'; b.className = 'remove'; b.title = label;
    b.addEventListener('click', () => b.closest('[data-row]').remove());
    return b;
  }
  function cell(child) { const td = document.createElement('td'); td.appendChild(child); return td; }

  const builders = {
    legalBases(value) {
      const tr = document.createElement('tr'); tr.dataset.row = '';
      tr.append(cell(area(value, 'text', 2)), cell(removeButton('Xóa căn cứ')));
      return tr;
    },
    recipients(value) {
      const tr = document.createElement('tr'); tr.dataset.row = '';
      tr.append(cell(input(value, 'text', 'Nơi nhận')), cell(removeButton('Xóa nơi nhận')));
      return tr;
    },
    targets(t) {
      t = t || {};
      const tr = document.createElement('tr'); tr.dataset.row = '';
      const value = t.value == null ? '' : String(t.value).replace('.', ',');
      tr.append(cell(input(t.code, 'code')), cell(area(t.text, 'text', 2)), cell(input(value, 'value')),
        cell(input(t.unit, 'unit')), cell(removeButton('Xóa chỉ tiêu')));
      return tr;
    },
    sections(s) {
      s = s || {};
      const div = document.createElement('div'); div.dataset.row = ''; div.className = 'section-row';
      const heading = input(s.heading, 'heading', 'Tiêu đề mục');
      heading.placeholder = 'Tiêu đề mục, ví dụ: II. NHIỆM VỤ, GIẢI PHÁP';
      div.append(heading, area(s.body, 'body', 5), removeButton('Xóa mục'));
      return div;
    },
    tasks(t) {
      t = t || {};
      const tr = document.createElement('tr'); tr.dataset.row = '';
      tr.dataset.group = t.group || ''; tr.dataset.content = t.content || ''; tr.dataset.target = t.target || '';
      tr.append(cell(input(t.no, 'no')), cell(area(t.name, 'name', 2)), cell(unitSelect(t.leadUnit, 'leadUnit')),
        cell(input((t.coordinatingUnits || []).join('; '), 'coordinatingUnits')), cell(area(t.product, 'product', 2)),
        cell(input(t.timeframe, 'timeframe')), cell(input(t.budgetSource, 'budgetSource')),
        cell(removeButton('Xóa nhiệm vụ')));
      return tr;
    }
  };

  function fill(list, values) {
    const box = document.getElementById(list);
    box.replaceChildren(...(values || []).map(v => builders[list](v)));
  }
  function rows(list) { return Array.from(document.getElementById(list).querySelectorAll('[data-row]')); }
  function val(row, name) { const el = row.querySelector('[data-name="' + name + '"]'); return el ? el.value : ''; }
  function orNull(text) { return text.trim() === '' ? null : text; }

  function deadlinesText(deadlines) {
    return (deadlines || []).map(d => d.length === 5 ? d.substring(3) + '/' + d.substring(0, 2) : d).join('; ');
  }
  function deadlinesValue(text) {
    return text.split(';').map(s => s.trim()).filter(s => s !== '').map(s => {
      const m = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
      return m ? m[2].padStart(2, '0') + '-' + m[1].padStart(2, '0') : s;
    });
  }

  function collect() {
    return {
      legalBases: rows('legalBases').map(r => val(r, 'text')).filter(t => t.trim() !== ''),
      objectives: orNull(document.getElementById('objectives').value),
      targets: rows('targets').map(r => ({
        code: val(r, 'code'), text: val(r, 'text'), unit: orNull(val(r, 'unit')),
        value: val(r, 'value').trim() === '' ? null : val(r, 'value').trim().replace(/\./g, '').replace(',', '.')
      })),
      sections: rows('sections').map(r => ({ heading: val(r, 'heading'), body: orNull(val(r, 'body')) })),
      budget: orNull(document.getElementById('budget').value),
      recipients: rows('recipients').map(r => val(r, 'text')).filter(t => t.trim() !== ''),
      reporting: { reportTo: document.getElementById('reportTo').value || null,
        deadlines: deadlinesValue(document.getElementById('deadlines').value) },
      tasks: rows('tasks').map(r => ({
        no: val(r, 'no'), group: orNull(r.dataset.group), name: val(r, 'name'), content: orNull(r.dataset.content),
        target: orNull(r.dataset.target), product: orNull(val(r, 'product')), leadUnit: val(r, 'leadUnit'),
        coordinatingUnits: val(r, 'coordinatingUnits').split(';').map(s => s.trim()).filter(s => s !== ''),
        budgetSource: orNull(val(r, 'budgetSource')), timeframe: orNull(val(r, 'timeframe'))
      }))
    };
  }

  function markErrors(list) {
    document.querySelectorAll('.field-error').forEach(el => el.classList.remove('field-error'));
    list.forEach(problem => {
      const m = /^(legalBases|recipients|targets|sections|tasks)\[(\d+)\](?:\.([A-Za-z]+))?/.exec(problem.field);
      if (!m) { return; }
      const row = rows(m[1])[Number(m[2])];
      if (!row) { return; }
      const el = row.querySelector('[data-name="' + (m[3] || 'text') + '"]') || row;
      el.classList.add('field-error');
    });
  }

  function showProblems(title, list) {
    const box = document.getElementById('message');
    box.replaceChildren(planflow.el('strong', title));
    if (list.length) {
      const ul = document.createElement('ul');
      list.forEach(p => ul.appendChild(planflow.el('li', describeField(p.field) + ': ' + p.message)));
      box.appendChild(ul);
    }
    box.hidden = false;
    box.scrollIntoView({ block: 'center' });
  }

  function show(draft) {
    unitOptions = draft.unitOptions || [];
    document.getElementById('planTitle').textContent = draft.title;
    document.getElementById('planInfo').textContent = 'Mã kế hoạch: ' + draft.code + ' · Cơ quan ban hành: '
      + draft.issuerName + ' · Đơn vị chủ trì soạn thảo: ' + draft.leadUnitName + ' · Tình trạng: ' + draft.statusLabel;
    document.getElementById('returnBox').hidden = !draft.returnReason;
    document.getElementById('returnReason').textContent = draft.returnReason || '';
    fill('legalBases', draft.legalBases);
    document.getElementById('objectives').value = draft.objectives || '';
    fill('targets', draft.targets);
    fill('sections', draft.sections);
    fill('tasks', draft.tasks);
    document.getElementById('budget').value = draft.budget || '';
    fill('recipients', draft.recipients);
    const reportTo = document.getElementById('reportTo');
    reportTo.replaceChildren(...unitOptions.map(o => new Option(o.label, o.value)));
    reportTo.value = draft.reporting ? draft.reporting.reportTo : '';
    document.getElementById('deadlines').value = deadlinesText(draft.reporting && draft.reporting.deadlines);
    document.getElementById('editor').hidden = false;
  }

  async function load() {
    const link = '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(taskId);
    document.getElementById('backToTask').href = link;
    document.getElementById('backToTaskBottom').href = link;
    const result = await send('GET', api);
    if (!result.ok) { showProblems(problemText(result), errors(result)); return; }
    show(result.json);
  }

  document.querySelectorAll('[data-add]').forEach(button => button.addEventListener('click', () => {
    const list = button.dataset.add;
    const row = builders[list](list === 'legalBases' || list === 'recipients' ? '' : {});
    document.getElementById(list).appendChild(row);
    const first = row.querySelector('input, textarea, select');
    if (first) { first.focus(); }
  }));

  document.getElementById('editor').addEventListener('submit', async event => {
    event.preventDefault();
    document.getElementById('message').hidden = true;
    document.getElementById('saved').hidden = true;
    const button = document.getElementById('save');
    button.disabled = true;
    try {
      const result = await send('PUT', api, collect());
      if (!result.ok) {
        markErrors(errors(result));
        showProblems(result.status === 400 ? 'Chưa lưu được: hãy sửa các ô sau.' : problemText(result), errors(result));
        return;
      }
      show(result.json);
      markErrors([]);
      const saved = document.getElementById('saved');
      saved.textContent = 'Đã lưu dự thảo lúc ' + new Date().toLocaleTimeString('vi-VN')
        + '. Bấm «Quay lại nhiệm vụ» để tiếp tục nhiệm vụ trong Tasklist.';
      saved.hidden = false;
      saved.scrollIntoView({ block: 'center' });
    } finally {
      button.disabled = false;
    }
  });

  document.getElementById('appendixFile').addEventListener('change', event => {
    const file = event.target.files[0];
    document.getElementById('appendixFileName').textContent = file ? file.name : 'Chưa chọn tệp';
  });

  document.getElementById('uploadAppendix').addEventListener('click', async () => {
    const file = document.getElementById('appendixFile').files[0];
    const box = document.getElementById('appendixErrors');
    const list = document.getElementById('appendixErrorList');
    box.hidden = true;
    list.replaceChildren();
    if (!file) {
      list.appendChild(planflow.el('li', 'Chọn tệp Phụ lục (.xlsx hoặc .csv) trước khi bấm «Nhập Phụ lục từ tệp».'));
      box.hidden = false;
      return;
    }
    const form = new FormData();
    form.append('file', file);
    const result = await send('POST', '/api/plans/' + encodeURIComponent(code) + '/draft/appendix?task='
      + encodeURIComponent(taskId), form, true);
    if (!result.ok) {
      const problems = errors(result);
      if (problems.length === 0) { list.appendChild(planflow.el('li', problemText(result))); }
      problems.forEach(p => list.appendChild(planflow.el('li', describeField(p.field) + ': ' + p.message)));
      box.hidden = false;
      box.scrollIntoView({ block: 'center' });
      return;
    }
    fill('tasks', result.json.tasks);
    const saved = document.getElementById('saved');
    saved.textContent = 'Đã đọc ' + result.json.tasks.length + ' nhiệm vụ từ tệp «' + file.name
      + '». Kiểm tra Phụ lục rồi bấm «Lưu dự thảo» để lưu.';
    saved.hidden = false;
  });

  load().catch(error => planflow.show(error.message));
}());
