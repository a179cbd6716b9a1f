// The report form: as the resident writes the title and description, open needs of the community like it are
// offered (similar.title) with a "me too" form each, from POST /api/needs/similar. Never blocks sending the report;
// without the script the form's similar.find button asks the same on the server. Texts come from data-* attributes.
(function () {
  var form = document.getElementById('form-report');
  var box = document.getElementById('similar-needs');
  if (!form || !box || !window.fetch) {
    return;
  }
  var token = document.querySelector('meta[name=_csrf]');
  var header = document.querySelector('meta[name=_csrf_header]');
  var field = function (name) { return form.querySelector('[name=' + name + ']'); };
  var timer = null;
  var last = '';

  function text(tag, className, value) {
    var el = document.createElement(tag);
    if (className) {
      el.className = className;
    }
    el.textContent = value;
    return el;
  }

  function input(type, name, value, label) {
    var el = document.createElement('input');
    el.type = type;
    el.name = name;
    el.value = value || '';
    el.required = type !== 'hidden' && name !== 'people';
    el.setAttribute('aria-label', label);
    el.placeholder = label;
    return el;
  }

  function show(needs) {
    while (box.firstChild) {
      box.removeChild(box.firstChild);
    }
    if (!needs.length) {
      box.hidden = true;
      return;
    }
    box.appendChild(text('h2', null, box.dataset.title));
    box.appendChild(text('p', 'hint', box.dataset.hint));
    var list = document.createElement('ul');
    list.className = 'similar-list';
    needs.forEach(function (n) {
      var item = document.createElement('li');
      item.className = 'similar-need';
      item.dataset.need = n.id;
      item.appendChild(text('strong', 'similar-title', n.title));
      item.appendChild(text('span', 'hint similar-households', ' ' + n.households + ' ' + box.dataset.households + ' '));
      var meToo = document.createElement('form');
      meToo.className = 'me-too inline';
      meToo.method = 'post';
      meToo.action = form.action.replace(/\/resident\/report$/, '/needs/' + n.id + '/me-too');
      if (token) {
        meToo.appendChild(input('hidden', '_csrf', token.content, '_csrf'));
      }
      meToo.appendChild(input('text', 'reporterName', field('reporterName').value, box.dataset.name));
      meToo.appendChild(input('tel', 'reporterPhone', field('reporterPhone').value, box.dataset.phone));
      var people = input('number', 'people', '1', box.dataset.people);
      people.min = 1;
      people.max = 50;
      meToo.appendChild(people);
      var button = text('button', 'primary', box.dataset.meToo);
      button.type = 'submit';
      meToo.appendChild(button);
      item.appendChild(meToo);
      list.appendChild(item);
    });
    box.appendChild(list);
    box.hidden = false;
  }

  function ask() {
    var body = {
      communityCode: field('communityCode').value,
      gridCode: field('gridCode').value,
      title: field('title').value,
      description: field('description').value
    };
    var key = JSON.stringify(body);
    if (key === last || (body.title + body.description).trim().length < 4) {
      return;
    }
    last = key;
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (token && header) {
      headers[header.content] = token.content;
    }
    fetch(form.action.replace(/\/resident\/report$/, '/api/needs/similar'), {
      method: 'POST', headers: headers, body: key, credentials: 'same-origin'
    }).then(function (r) { return r.ok ? r.json() : []; })
      .then(show)
      .catch(function () { /* a suggestion never stands in the way of a report */ });
  }

  ['title', 'description', 'communityCode', 'gridCode'].forEach(function (name) {
    var el = field(name);
    if (el) {
      el.addEventListener(el.tagName === 'SELECT' ? 'change' : 'input', function () {
        clearTimeout(timer);
        timer = setTimeout(ask, 600);
      });
    }
  });
})();
