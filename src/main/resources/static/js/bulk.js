// Bulk actions on the workbench: tick tasks (or all of a table), start the job, show its progress,
// then the summary from the server, and mark the rows that were done or refused.
// Without this script the form posts to the server, which does the job at once and shows the summary.
(function () {
  var form = document.getElementById('bulk-form');
  if (!form) { return; }
  var bar = document.getElementById('bulk-progress');
  var status = document.getElementById('bulk-status');
  var count = document.getElementById('bulk-count');
  var result = document.getElementById('bulk-result');
  var token = document.querySelector('meta[name=_csrf]');
  var header = document.querySelector('meta[name=_csrf_header]');
  var buttons = form.querySelectorAll('button[type=submit]');

  function boxes(group) {
    var selector = 'input.select-task';
    if (group) { selector = 'table[data-group="' + group + '"] ' + selector; }
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function showCount() {
    var ticked = boxes().filter(function (b) { return b.checked; }).length;
    count.textContent = form.dataset.selected.replace('{0}', ticked);
    document.querySelectorAll('input.select-all').forEach(function (all) {
      var own = boxes(all.dataset.group).filter(function (b) { return !b.disabled; });
      var on = own.filter(function (b) { return b.checked; }).length;
      all.checked = own.length > 0 && on === own.length;
      all.indeterminate = on > 0 && on < own.length;
    });
  }

  document.querySelectorAll('input.select-all').forEach(function (all) {
    all.hidden = false;
    all.addEventListener('change', function () {
      boxes(all.dataset.group).forEach(function (b) { if (!b.disabled) { b.checked = all.checked; } });
      showCount();
    });
  });
  boxes().forEach(function (b) { b.addEventListener('change', showCount); });
  showCount();

  function busy(on) {
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = on; });
  }

  function headers() {
    var h = { Accept: 'application/json' };
    if (token && header) { h[header.content] = token.content; }
    return h;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = new URLSearchParams(new FormData(form));
    var submitter = event.submitter;
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    busy(true);
    result.innerHTML = '';
    bar.hidden = false;
    bar.firstElementChild.style.width = '0';
    status.textContent = form.dataset.running;
    fetch(form.dataset.start, { method: 'POST', body: data, headers: headers(), credentials: 'same-origin' })
      .then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; });
      })
      .then(function (answer) {
        if (!answer.ok) {
          bar.hidden = true;
          status.textContent = answer.body.detail || form.dataset.failed;
          busy(false);
          return;
        }
        poll(answer.body.id);
      })
      .catch(function () { status.textContent = form.dataset.failed; busy(false); });
  });

  function poll(id) {
    fetch(form.dataset.status + id, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (job) {
        var percent = job.total > 0 ? Math.round(100 * job.done / job.total) : 100;
        bar.firstElementChild.style.width = percent + '%';
        status.textContent = job.done + ' / ' + job.total + ' (' + percent + '%)';
        if (!job.finished) { setTimeout(function () { poll(id); }, 300); return; }
        bar.firstElementChild.style.width = '100%';
        status.textContent = job.total + ' / ' + job.total + ' (100%)';
        form.dataset.done = 'true';
        summary(id, job);
      })
      .catch(function () { status.textContent = form.dataset.failed; busy(false); });
  }

  function summary(id, job) {
    fetch(form.dataset.status + id + '/summary', { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (html) {
        result.innerHTML = html;
        mark(job.succeededTaskIds, 'bulk-done', true);
        mark(job.failures.map(function (f) { return f.taskId; }), 'bulk-failed', false);
        showCount();
        busy(false);
      })
      .catch(function () { status.textContent = form.dataset.failed; busy(false); });
  }

  function mark(ids, css, done) {
    ids.forEach(function (id) {
      var row = document.querySelector('tr[data-task-id="' + id + '"]');
      if (!row) { return; }
      row.classList.add(css);
      var box = row.querySelector('input.select-task');
      if (box) {
        box.checked = false;
        box.disabled = done;
      }
    });
  }
})();
