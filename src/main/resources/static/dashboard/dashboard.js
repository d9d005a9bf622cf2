'use strict';
/* The dashboard: plans by status, then for the chosen plan its approval steps, who has reported,
   and each target's reported values against the target. Everything from /api/dashboard. */
(function () {
  const { json, el, row, show } = planflow;
  const STATUS_COLOURS = ['#9aa5b1', '#4e79a7', '#76b7b2', '#f28e2b', '#edc948', '#b07aa1', '#e15759', '#ff9da7', '#59a14f', '#8c6d31'];

  function statusChart(byStatus) {
    new Chart(document.getElementById('status-chart'), {
      type: 'bar',
      data: {
        labels: byStatus.map(s => s.label),
        datasets: [{ label: 'Số kế hoạch', data: byStatus.map(s => s.count), backgroundColor: STATUS_COLOURS }]
      },
      options: {
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  function planTable(plans) {
    const body = document.querySelector('#plans tbody');
    body.replaceChildren();
    if (plans.length === 0) {
      body.appendChild(row(['Chưa có kế hoạch nào.', '', '', '', '', '']));
      return;
    }
    plans.forEach(plan => {
      const tr = row([plan.title, plan.issuerName, plan.leadUnitName, plan.number || '—', plan.issuedOn || '—', plan.statusLabel]);
      tr.className = 'selectable';
      tr.title = 'Xem chi tiết';
      tr.addEventListener('click', () => {
        body.querySelectorAll('tr').forEach(r => r.classList.remove('selected'));
        tr.classList.add('selected');
        history.replaceState(null, '', '#' + encodeURIComponent(plan.code));
        showPlan(plan).catch(e => show(e.message));
      });
      tr.dataset.code = plan.code;
      body.appendChild(tr);
    });
  }

  function timeline(data) {
    const body = document.querySelector('#timeline tbody');
    body.replaceChildren();
    if (data.steps.length === 0) {
      body.appendChild(row(['Chưa có bước nào.', '', '', '', '', '']));
    }
    data.steps.forEach(step => body.appendChild(row([
      step.step, step.actor || 'Chưa có người nhận', step.actorUnit || '', step.startedText || '',
      step.open ? el('td', 'Đang xử lý', 'open') : step.endedText, step.outcome || ''])));
  }

  function compliance(grid) {
    const head = document.querySelector('#compliance thead');
    const body = document.querySelector('#compliance tbody');
    head.replaceChildren(row([el('th', 'Đơn vị')].concat(grid.periods.map(p => {
      const th = el('th', p.title);
      th.appendChild(el('div', 'Hạn ' + p.deadline + ' · ' + p.statusLabel, 'open'));
      return th;
    }))));
    body.replaceChildren();
    if (grid.periods.length === 0) {
      body.appendChild(row(['Chưa đến kỳ báo cáo nào.']));
      return;
    }
    grid.units.forEach(unit => body.appendChild(row([unit.unitName].concat(unit.cells.map(cell => {
      const td = el('td');
      td.appendChild(el('span', cell.label, 'cell ' + cell.status));
      if (cell.submittedText) { td.appendChild(el('div', cell.submittedText, 'open')); }
      return td;
    })))));
  }

  const targetCharts = [];
  function targets(data) {
    const box = document.getElementById('targets');
    targetCharts.splice(0).forEach(chart => chart.destroy());
    box.replaceChildren();
    if (data.targets.length === 0) {
      box.appendChild(el('p', 'Kế hoạch không có chỉ tiêu định lượng.'));
    }
    data.targets.forEach(target => {
      box.appendChild(el('h4', target.code + '. ' + target.text));
      if (target.periods.length === 0) {
        box.appendChild(el('p', 'Chưa có số liệu báo cáo.'));
        return;
      }
      const holder = el('div', null, 'target-chart');
      const canvas = el('canvas');
      holder.appendChild(canvas);
      box.appendChild(holder);
      const unit = target.unit ? ' (' + target.unit + ')' : '';
      targetCharts.push(new Chart(canvas, {
        type: 'bar',
        data: {
          labels: target.periods,
          datasets: [
            { type: 'bar', label: 'Bình quân các đơn vị báo cáo' + unit, data: target.values, backgroundColor: '#4e79a7' },
            { type: 'line', label: 'Chỉ tiêu' + unit, data: target.periods.map(() => target.target),
              borderColor: '#e15759', backgroundColor: '#e15759', borderDash: [6, 4], pointRadius: 5, pointStyle: 'rectRot', fill: false }
          ]
        },
        options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
      }));
    });
  }

  async function showPlan(plan) {
    document.getElementById('plan-detail').hidden = false;
    document.getElementById('plan-title').textContent = plan.title + (plan.number ? ' (' + plan.number + ')' : '');
    const base = '/api/dashboard/plans/' + encodeURIComponent(plan.code);
    const [steps, grid, series] = await Promise.all([
      json(base + '/timeline'), json(base + '/compliance'), json(base + '/targets')]);
    timeline(steps);
    compliance(grid);
    targets(series);
  }

  async function start() {
    const overview = await json('/api/dashboard/overview');
    document.getElementById('audit-link').hidden = !overview.mayAudit;
    statusChart(overview.byStatus);
    planTable(overview.plans);
    const wanted = decodeURIComponent(location.hash.slice(1));
    const chosen = overview.plans.find(p => p.code === wanted) || overview.plans[0];
    if (chosen) {
      document.querySelector('#plans tbody tr[data-code="' + CSS.escape(chosen.code) + '"]').classList.add('selected');
      await showPlan(chosen);
    }
  }

  start().catch(e => show(e.message));
})();
