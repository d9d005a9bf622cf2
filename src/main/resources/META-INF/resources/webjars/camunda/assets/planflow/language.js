/*
 * planflow: Vietnamese by default, English on request, in Tasklist, Cockpit, Admin and Welcome.
 *
 * The webapps pick their language from the browser's first preferred language (when it is one of
 * `locales.availableLocales` in the app's scripts/config.js) and otherwise use `fallbackLocale`.
 * Most officials' browsers ask for English first, so that alone would show them English. This
 * script is loaded through each app's `customScripts`, which run before the app starts: it makes
 * the app see the language the official chose — Vietnamese unless they chose English — and adds
 * a small link at the bottom right of every page to switch. The choice is kept in this browser
 * (localStorage, shared by the four apps); `?lang=en` or `?lang=vi` in an app's address sets it too.
 */
const STORAGE_KEY = 'planflow.locale';
const LANGUAGES = {
  vi: {switchTo: 'en', label: 'English', title: 'Switch to English'},
  en: {switchTo: 'vi', label: 'Tiếng Việt', title: 'Chuyển sang tiếng Việt'}
};
const DEFAULT_LANGUAGE = 'vi';

function storedLanguage() {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch (e) {
    return null;
  }
}

function storeLanguage(language) {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch (e) {
    // Private mode without storage: the choice lasts for this page only.
  }
}

// Own keys only: ?lang=__proto__ or toString must not count as a language.
function known(language) {
  return typeof language === 'string' && Object.prototype.hasOwnProperty.call(LANGUAGES, language);
}

const requested = new URLSearchParams(window.location.search).get('lang');
if (known(requested)) {
  storeLanguage(requested);
}
const stored = storedLanguage();
const language = known(requested) ? requested : known(stored) ? stored : DEFAULT_LANGUAGE;

// The apps read navigator.languages[0] once, when they start; this script runs before that.
Object.defineProperty(window.navigator, 'languages', {
  configurable: true,
  get: () => [language]
});
Object.defineProperty(window.navigator, 'language', {
  configurable: true,
  get: () => language
});
document.documentElement.lang = language;

function addSwitch() {
  const other = LANGUAGES[language];
  const link = document.createElement('a');
  link.className = 'planflow-language-switch';
  link.href = '#';
  link.lang = other.switchTo;
  link.textContent = other.label;
  link.title = other.title;
  link.addEventListener('click', event => {
    event.preventDefault();
    storeLanguage(other.switchTo);
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      // Drop the ?lang= that would otherwise win again after the reload.
      url.searchParams.delete('lang');
      window.location.replace(url.toString());
    } else {
      // Only the hash differs between views: assigning the same address would not reload.
      window.location.reload();
    }
  });
  document.body.appendChild(link);
  addDashboardLink();
}

/** Tasklist and Cockpit lead to planflow's dashboard (same login), next to the language switch. */
function addDashboardLink() {
  if (!/\/app\/(tasklist|cockpit)\//.test(window.location.pathname)) {
    return;
  }
  addLink('planflow-dashboard-link', '/dashboard', language === 'en' ? 'Dashboard' : 'Bảng theo dõi',
    language === 'en' ? 'Plans, reporting and targets at a glance' : 'Tình hình các kế hoạch, báo cáo và chỉ tiêu');
  if (/\/app\/tasklist\//.test(window.location.pathname)) {
    // Where an official names a substitute for an absence, or takes over a task as one.
    addLink('planflow-dashboard-link planflow-substitutes-link', '/dashboard/substitutes',
      language === 'en' ? 'Substitutes' : 'Ủy quyền',
      language === 'en' ? 'Name a substitute, or take over a task as one'
        : 'Ủy quyền xử lý khi vắng mặt, hoặc nhận xử lý thay');
  }
}

/** A link to one of planflow's pages at the bottom of the page, opened in a new tab. */
function addLink(className, href, text, title) {
  const link = document.createElement('a');
  link.className = className;
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = text;
  link.title = title;
  document.body.appendChild(link);
}

if (document.body) {
  addSwitch();
} else {
  document.addEventListener('DOMContentLoaded', addSwitch);
}
