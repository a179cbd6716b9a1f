/*
 * Needs Loop: a custom script of Tasklist (config.js, customScripts), run once when Tasklist starts.
 *
 * - A link back to 民需闭环 (the app's home page, which sends each user to their start page) in Tasklist's header.
 * - The task forms (form-js) write the English words "Select" and "Search" into their drop-downs whatever the
 *   language; a Chinese Tasklist shows 请选择 and 搜索 instead.
 *
 * Tasklist is Chinese unless the browser's first language is English (config.js: fallbackLocale zh), and so is
 * this script.
 */
const english = /^en\b/i.test((navigator.languages && navigator.languages[0]) || navigator.language || '');
const texts = english
  ? { home: '\u2190 Needs Loop', homeTitle: 'Back to Needs Loop' }
  : { home: '\u2190 \u6c11\u9700\u95ed\u73af', homeTitle: '\u8fd4\u56de\u6c11\u9700\u95ed\u73af', select: '\u8bf7\u9009\u62e9', search: '\u641c\u7d22' };

// the app's root: Tasklist lives under <context>/camunda, the app's home is <context>/
const appRoot = (document.querySelector('base') && document.querySelector('base').getAttribute('app-root')) || '/camunda';
const home = appRoot.replace(/\/camunda\/?$/, '') + '/';

function placeHomeLink() {
  if (document.getElementById('needsloop-home')) {
    return;
  }
  const header = document.querySelector('[cam-widget-header] .navbar-header');
  if (!header) {
    return;
  }
  const link = document.createElement('a');
  link.id = 'needsloop-home';
  link.href = home;
  link.title = texts.homeTitle;
  link.textContent = texts.home;
  header.appendChild(link);
}

function localizeForms(root) {
  if (english) {
    return;
  }
  // the text node itself is changed, not replaced: form-js keeps it and writes the chosen option into it later
  root.querySelectorAll('.fjs-select-display.fjs-select-placeholder').forEach((display) => {
    const text = display.firstChild;
    if (text && text.nodeType === Node.TEXT_NODE && text.nodeValue === 'Select') {
      text.nodeValue = texts.select;
    }
  });
  root.querySelectorAll('input.fjs-input[placeholder="Search"]').forEach((input) => {
    input.placeholder = texts.search;
  });
}

function update() {
  placeHomeLink();
  localizeForms(document);
}

// Tasklist (AngularJS) and the forms (Preact) render and re-render later: follow them
new MutationObserver(update).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
update();

export default [];
