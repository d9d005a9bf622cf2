'use strict';
/* The audit screen: who did what on which plan and when, filtered by plan, downloadable as CSV. */
(function () {
  const { json, row, show } = planflow;
  const select = document.getElementById('plan');
  const csv = document.getElementById('csv');

  async function load(plan) {
    const query = plan ? '?plan=' + encodeURIComponent(plan) : '';
    csv.href = '/dashboard/audit.csv' + query;
    const entries = await json('/api/dashboard/audit' + query);
    const body = document.querySelector('#audit tbody');
    body.replaceChildren();
    if (entries.length === 0) {
      body.appendChild(row(['Chưa có thao tác nào.', '', '', '', '', '', '', '']));
    }
    entries.forEach(e => body.appendChild(row([
      e.atText, e.plan, e.process, e.step || '', e.actor || '', e.actorUnit || '', e.action, e.detail || ''])));
  }

  async function start() {
    const overview = await json('/api/dashboard/overview');
    overview.plans.forEach(plan => {
      const option = document.createElement('option');
      option.value = plan.code;
      option.textContent = plan.code + ' — ' + plan.title;
      select.appendChild(option);
    });
    const wanted = new URLSearchParams(location.search).get('plan') || '';
    select.value = wanted;
    await load(wanted);
  }

  document.getElementById('filter').addEventListener('submit', event => {
    event.preventDefault();
    history.replaceState(null, '', select.value ? '?plan=' + encodeURIComponent(select.value) : location.pathname);
    load(select.value).catch(e => show(e.message));
  });
  start().catch(e => show(e.message));
})();
