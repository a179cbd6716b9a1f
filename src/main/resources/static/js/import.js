// A household register import running in the background: poll its progress and move the bar; when it has
// finished, load the page again, which shows the report. Without this script a refresh shows where it is.
(function () {
  var job = document.getElementById('import-job');
  if (!job || job.dataset.state !== 'RUNNING') { return; }
  var bar = document.getElementById('import-progress');
  var count = document.getElementById('import-count');
  var phase = document.getElementById('import-phase');
  function poll() {
    fetch(job.dataset.status, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (s) {
        bar.value = s.percent;
        bar.textContent = s.percent + '%';
        count.textContent = s.phase === 'WRITING'
          ? job.dataset.written.replace('{0}', s.written).replace('{1}', s.total)
          : job.dataset.checked.replace('{0}', s.checked).replace('{1}', s.total);
        phase.textContent = job.dataset['phase' + s.phase.charAt(0) + s.phase.slice(1).toLowerCase()] || s.phase;
        if (s.finished) { window.location.reload(); return; }
        setTimeout(poll, 500);
      })
      .catch(function () { count.textContent = job.dataset.failed; });
  }
  setTimeout(poll, 300);
})();
