'use strict';
/* Shared by the dashboard pages: JSON from /api/dashboard with the browser's login, and safe DOM building. */
const planflow = {
  async json(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) { throw new Error('Anh/chị cần đăng nhập Tasklist trước khi xem trang này.'); }
    if (response.status === 403) { throw new Error('Anh/chị không có quyền xem nội dung này.'); }
    if (!response.ok) { throw new Error('Không tải được dữ liệu (mã lỗi ' + response.status + ').'); }
    return response.json();
  },
  /**
   * The Tasklist session's CSRF token, sent back as X-XSRF-TOKEN on every change a page makes:
   * Camunda's XSRF-TOKEN cookie is scoped to /camunda, so pages under /dashboard ask for it once.
   */
  async csrfToken() {
    if (!planflow.token) {
      const session = await planflow.json('/api/session/csrf-token');
      planflow.token = session.token || '';
    }
    return planflow.token;
  },
  el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  },
  row(cells) {
    const tr = document.createElement('tr');
    cells.forEach(cell => tr.appendChild(cell instanceof Node ? cell : planflow.el('td', cell)));
    return tr;
  },
  show(message) {
    const box = document.getElementById('message');
    box.textContent = message;
    box.hidden = false;
  }
};
