// Export of a list to Excel in the background: start the job, show its progress, then offer the file.
(function () {
  var form = document.getElementById('export-form');
  if (!form) { return; }
  var bar = document.getElementById('export-progress');
  var status = document.getElementById('export-status');
  var link = document.getElementById('export-download');
  var token = document.querySelector('meta[name=_csrf]');
  var header = document.querySelector('meta[name=_csrf_header]');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var headers = { Accept: 'application/json' };
    if (token && header) { headers[header.content] = token.content; }
    bar.hidden = false;
    link.hidden = true;
    bar.firstElementChild.style.width = '0';
    fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: headers, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (job) { poll(job.id); })
      .catch(function () { status.textContent = form.dataset.failed; });
  });
  function poll(id) {
    fetch(form.dataset.status + id, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        var percent = job.total > 0 ? Math.round(100 * job.done / job.total) : (job.finished ? 100 : 0);
        bar.firstElementChild.style.width = percent + '%';
        status.textContent = job.done + ' / ' + Math.max(job.total, 0) + ' (' + percent + '%)';
        if (job.failed) { status.textContent = form.dataset.failed; return; }
        if (!job.finished) { setTimeout(function () { poll(id); }, 300); return; }
        bar.firstElementChild.style.width = '100%';
        status.textContent = form.dataset.ready;
        link.href = form.dataset.status + id + '/file';
        link.hidden = false;
        form.dataset.done = 'true';
      });
  }
})();
