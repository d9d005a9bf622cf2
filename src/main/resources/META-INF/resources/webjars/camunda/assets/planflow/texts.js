/*
 * planflow: the texts the webapps write without their locale files, in Vietnamese; dates as
 * dd/MM/yyyy; the Camunda 7 end-of-life notice for administrators only.
 *
 * Tasklist's Camunda Forms are drawn by form-js, which has no translation hook: its placeholders
 * ("Search", "Select"), messages ("Field is required.", "Field must have minimum length of 5."),
 * the dynamic list's "Add new"/"Collapse", the tag list's "No results" and the date picker are
 * written in English in its code. A few Camunda templates do the same ("Actions" over the
 * variables table, "Loading diagram"). This script, loaded through each app's `customScripts`,
 * rewrites exactly those known texts — whole text nodes and the placeholder, title and aria-label
 * attributes — whenever the page changes (a MutationObserver), so a text form-js draws again is
 * translated again. Only the English originals below are touched, never what an official typed:
 * input values are not text nodes and are never rewritten.
 *
 * Dates: form-js formats and reads the date picker in the browser's own locale
 * (`new Intl.DateTimeFormat()` without arguments), mm/dd/yyyy in an English browser. Without
 * arguments, Intl.DateTimeFormat here answers in dd/MM/yyyy; calls that name a locale or options
 * are untouched. The value form-js stores stays ISO (yyyy-MM-dd). Cockpit's lists: see below.
 *
 * The end-of-life notice (`.ce-eol-banner`) is hidden unless the signed-in user may open Admin
 * (planflow's administrators, group camunda-admin): see planflow.css.
 */

/** The language language.js chose (it sets <html lang> before the app starts drawing). */
function vietnamese() {
  return document.documentElement.lang !== 'en';
}

// ---- Dates --------------------------------------------------------------------------------

const NativeDateTimeFormat = Intl.DateTimeFormat;

function PlanflowDateTimeFormat(locales, options) {
  if ((locales === undefined || locales === 'default') && options === undefined) {
    return new NativeDateTimeFormat(vietnamese() ? 'vi-VN' : 'en-GB',
      {day: '2-digit', month: '2-digit', year: 'numeric'});
  }
  return new NativeDateTimeFormat(locales, options);
}

PlanflowDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
PlanflowDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = PlanflowDateTimeFormat;

/*
 * Cockpit sets its own "normal" date format, ISO (2026-12-11T01:00:00), used by its job table
 * and other lists, ignoring the locale; its custom module is configured after Cockpit's own, so
 * this one wins. The other formats come from the locale (vi.json: DD/MM/YYYY).
 */
function configureCockpitDates() {
  const angular = window.angular;
  if (!angular || !/\/app\/cockpit\//.test(window.location.pathname)) {
    return;
  }
  angular.module('cam.cockpit.custom').config(['camDateFormatProvider', provider => {
    provider.setDateFormat('DD/MM/YYYY HH:mm:ss', 'normal');
  }]);
}

configureCockpitDates();

// ---- Texts --------------------------------------------------------------------------------

/** Whole texts (trimmed) and attribute values, English → Vietnamese. */
const TEXTS = new Map([
  // form-js: select, tag list, drop-down lists
  ['Search', 'Tìm kiếm'],
  ['Select', 'Chọn'],
  ['No results', 'Không có kết quả'],
  ['All values selected', 'Đã chọn hết'],
  ['Skip to search', 'Đến ô tìm kiếm'],
  ['Remove tag', 'Bỏ chọn'],
  // form-js: dynamic list, table, number
  ['Add new', 'Thêm dòng'],
  ['Collapse', 'Thu gọn'],
  ['Nothing to show.', 'Không có dữ liệu.'],
  ['Previous page', 'Trang trước'],
  ['Next page', 'Trang sau'],
  ['Increment', 'Tăng'],
  ['Decrement', 'Giảm'],
  // form-js: messages under the fields
  ['Field is required.', 'Vui lòng nhập mục này.'],
  ['Date and time must both be entered.', 'Vui lòng nhập cả ngày và giờ.'],
  ['Field must be a valid email.', 'Địa chỉ thư điện tử không hợp lệ.'],
  ['Field must be a valid  international phone number. (e.g. +4930664040900)',
    'Số điện thoại không hợp lệ (ví dụ +84912345678).'],
  ['Value is not a number.', 'Giá trị phải là một số.'],
  ['Value is expected to be an integer.', 'Giá trị phải là số nguyên.'],
  // Camunda webapps' own templates
  ['Actions', 'Thao tác'],
  ['Loading diagram', 'Đang tải sơ đồ'],
  ['Download', 'Tải xuống'],
  ['Upload', 'Tải lên'],
  ['Select all', 'Chọn tất cả'],
  ['Unselect all', 'Bỏ chọn tất cả'],
  // Cockpit's incidents: the type, and a failure without a message
  ['Failed Job', 'Tác vụ nền bị lỗi'],
  ['failedExternalTask', 'Việc bên ngoài bị lỗi'],
  ['Message is null.', 'Không có thông điệp lỗi.']
]);

/** Texts with numbers or values in them. */
const PATTERNS = [
  [/^Field must have minimum length of (\d+)\.$/, m => `Vui lòng nhập ít nhất ${m[1]} ký tự.`],
  [/^Field must have maximum length of (\d+)\.$/, m => `Vui lòng nhập không quá ${m[1]} ký tự.`],
  [/^Field must have minimum value of (.+)\.$/, m => `Giá trị nhỏ nhất là ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, m => `Giá trị lớn nhất là ${m[1]}.`],
  [/^Field must match pattern .*\.$/s, () => 'Giá trị không đúng định dạng yêu cầu.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, m => `Tối đa ${m[1]} chữ số thập phân.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    m => `Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là ${m[1]} và ${m[2]}.`],
  [/^Expand all \((\d+)\)$/, m => `Mở rộng tất cả (${m[1]})`],
  [/^Remove list item (\d+)$/, m => `Xóa dòng ${m[1]}`]
];

/** The Vietnamese of an English text, or null when it is not one of the known ones. */
function translated(text) {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  let result = TEXTS.get(trimmed);
  if (result === undefined) {
    for (const [pattern, replace] of PATTERNS) {
      const match = pattern.exec(trimmed);
      if (match) {
        result = replace(match);
        break;
      }
    }
  }
  return result === undefined ? null : text.replace(trimmed, () => result);
}

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

function translateText(node) {
  const parent = node.parentElement;
  if (!parent || parent.closest('script, style, textarea, [contenteditable="true"]')) {
    return;
  }
  // The table's page counter: "1", " of ", "3" are three texts.
  if (node.data.trim() === 'of' && parent.classList.contains('fjs-table-nav-label')) {
    node.data = ' / ';
    return;
  }
  const result = translated(node.data);
  if (result !== null && result !== node.data) {
    node.data = result;
  }
}

function translateAttributes(element) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value) {
      const result = translated(value);
      if (result !== null && result !== value) {
        element.setAttribute(name, result);
      }
    }
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  translateAttributes(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      translateText(node);
    } else {
      translateAttributes(node);
    }
  }
}

// ---- The date picker's calendar (flatpickr inside form-js) --------------------------------

const CALENDAR = {
  weekdays: {
    shorthand: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
    longhand: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy']
  },
  months: {
    shorthand: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'],
    longhand: ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8',
      'Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' đến ',
  weekAbbreviation: 'Tuần',
  scrollTitle: 'Cuộn để tăng',
  toggleTitle: 'Bấm để đổi',
  yearAriaLabel: 'Năm',
  monthAriaLabel: 'Tháng',
  hourAriaLabel: 'Giờ',
  minuteAriaLabel: 'Phút',
  time_24hr: true
};

const calendars = new WeakSet();

/** Vietnamese month and weekday names in each date picker, weeks from Monday. */
function translateCalendars(root) {
  if (!vietnamese() || root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  for (const input of root.querySelectorAll('.fjs-datepicker input')) {
    const picker = input._flatpickr;
    if (!picker || calendars.has(picker) || !picker.l10n) {
      continue;
    }
    calendars.add(picker);
    Object.assign(picker.l10n, CALENDAR);
    picker.config.ariaDateFormat = 'd/m/Y';
    if (typeof picker.redraw === 'function') {
      picker.redraw();
    }
    if (picker.weekdayContainer) {
      picker.weekdayContainer.querySelectorAll('.flatpickr-weekday').forEach((span, index) => {
        span.textContent = CALENDAR.weekdays.shorthand[(index + CALENDAR.firstDayOfWeek) % 7];
      });
    }
  }
}

// ---- The end-of-life notice: administrators only ------------------------------------------

/** The signed-in user may open Admin: one of planflow's administrators. */
function administrator() {
  const angular = window.angular;
  if (!angular || !document.body) {
    return false;
  }
  try {
    const injector = angular.element(document.body).injector();
    const authentication = injector && injector.get('$rootScope').authentication;
    const apps = authentication && authentication.authorizedApps;
    return Array.isArray(apps) && apps.indexOf('admin') !== -1;
  } catch (e) {
    return false;
  }
}

// ---- Tasklist's "Lịch sử" tab: administrators only ----------------------------------------

/**
 * Tasklist's task "History" tab reads the engine's operation log, which officials may not read
 * (it would show every plan's): for them it was always empty. The plan's history is in every
 * form instead. Marks the tab (by its provider, whatever the language) for planflow.css to hide.
 */
function markHistoryTabs() {
  const angular = window.angular;
  if (!angular) {
    return;
  }
  document.querySelectorAll('.tabbed-content .nav-tabs > li:not(.planflow-checked-tab)').forEach(tab => {
    const scope = angular.element(tab).scope();
    const provider = scope && scope.taskDetailTab;
    if (provider) {
      tab.classList.add('planflow-checked-tab');
      tab.classList.toggle('planflow-history-tab', provider.id === 'task-detail-history');
    }
  });
}

// ---- Running it ---------------------------------------------------------------------------

let pending = false;
let dirty = [];

function flush() {
  pending = false;
  const roots = dirty;
  dirty = [];
  document.documentElement.classList.toggle('planflow-administrator', administrator());
  markHistoryTabs();
  if (!vietnamese()) {
    return;
  }
  for (const root of roots) {
    if (root.isConnected) {
      translateTree(root);
      translateCalendars(root.nodeType === Node.ELEMENT_NODE ? root : root.parentElement || document.body);
    }
  }
}

function schedule(root) {
  dirty.push(root);
  if (!pending) {
    pending = true;
    window.setTimeout(flush, 0);
  }
}

function start() {
  schedule(document.body);
  new MutationObserver(mutations => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(schedule);
        if (mutation.target.nodeType === Node.ELEMENT_NODE
          && mutation.target.querySelector && mutation.target.querySelector('.flatpickr-calendar')) {
          schedule(mutation.target);
        }
      } else {
        schedule(mutation.target);
      }
    }
  }).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}
