// Manager dashboard: ECharts (served by the app) from the figures the page carries in data-charts.
// Clicking a bar, a funnel step or an implementer opens the list behind that figure, with the
// community and period of the dashboard (a bar of a stretch of time: that stretch). The same links
// are in the table under each chart, for keyboards and screen readers. Every chart says under its
// title that it can be clicked (data-click-hint); a chart with nothing to show says so (data-empty-text)
// instead of drawing empty axes.
(function () {
  var host = document.getElementById('charts');
  if (!host || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(host.dataset.charts);
  var base = (host.dataset.base || '/').replace(/\/$/, '');
  var rendered = 0;
  function open(url) {
    if (url) { window.location.href = base + url; }
  }
  function empty(el) {
    var title = document.createElement('p');
    title.className = 'chart-title';
    title.textContent = el.dataset.title;
    var text = document.createElement('p');
    text.className = 'chart-empty-text';
    text.textContent = host.dataset.emptyText;
    el.textContent = '';
    el.appendChild(title);
    el.appendChild(text);
    el.dataset.empty = 'true';
    el.dataset.finished = 'true';
    rendered++;
    return null;
  }
  function chart(id, option, urlOf, isEmpty) {
    var el = document.getElementById(id);
    if (isEmpty) { return empty(el); }
    var c = echarts.init(el);
    option.title = { text: el.dataset.title, subtext: host.dataset.clickHint, textStyle: { fontSize: 14 } };
    option.tooltip = option.tooltip || { trigger: 'item' };
    // drawn on the canvas: an HTML tooltip carries inline styles, which the pages' content security policy refuses
    option.tooltip.renderMode = 'richText';
    // data-finished: the chart is drawn, its opening animation over (what a click lands on)
    c.on('finished', function () { el.dataset.finished = 'true'; });
    c.setOption(option);
    if (urlOf) {
      c.on('click', function (p) { open(urlOf(p)); });
    }
    window.addEventListener('resize', function () { c.resize(); });
    rendered++;
    return c;
  }
  function stacked(series) {
    return series.map(function (s) {
      return { id: s.code, name: s.name, type: 'bar', stack: 'all', cursor: 'pointer', data: s.values };
    });
  }
  function bucketUrl(series) {
    return function (p) {
      var s = series[p.seriesIndex];
      return s ? s.urls[p.dataIndex] : null;
    };
  }
  function total(series) {
    return series.reduce(function (sum, s) {
      return sum + (s.values || [s.value]).reduce(function (a, v) { return a + (v || 0); }, 0);
    }, 0);
  }
  var grid = { left: 40, right: 10, top: 80, bottom: 30 };
  var labels = data.buckets.map(function (b) { return b.label; });
  chart('chart-channel', {
    tooltip: { trigger: 'axis' }, legend: { top: 40, type: 'scroll' }, grid: grid,
    xAxis: { type: 'category', data: labels }, yAxis: { type: 'value', minInterval: 1 },
    series: stacked(data.byChannel)
  }, bucketUrl(data.byChannel), total(data.byChannel) === 0);
  chart('chart-category', {
    tooltip: { trigger: 'axis' }, legend: { top: 40, type: 'scroll' }, grid: grid,
    xAxis: { type: 'category', data: labels }, yAxis: { type: 'value', minInterval: 1 },
    series: stacked(data.byCategory)
  }, bucketUrl(data.byCategory), total(data.byCategory) === 0);
  // the labels beside the funnel, not inside: a step with few or no needs is too narrow for its label
  chart('chart-funnel', {
    series: [{ id: 'funnel', type: 'funnel', top: 60, bottom: 10, left: '5%', width: '55%', sort: 'none', minSize: '10%',
      label: { show: true, position: 'right', formatter: '{b}: {c}' }, labelLine: { show: true },
      data: data.funnel.map(function (s) { return { name: s.name, value: s.reached }; }) }]
  }, function (p) { var s = data.funnel[p.dataIndex]; return s ? s.url : null; },
  data.funnel.every(function (s) { return !s.reached; }));
  chart('chart-overdue', {
    grid: grid, xAxis: { type: 'category', data: data.overdueByLine.map(function (d) { return d.name; }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ id: 'overdue', type: 'bar', cursor: 'pointer', data: data.overdueByLine.map(function (d) { return d.value; }) }]
  }, function (p) { var s = data.overdueByLine[p.dataIndex]; return s ? s.url : null; }, total(data.overdueByLine) === 0);
  var ranking = document.getElementById('chart-ranking');
  chart('chart-ranking', {
    tooltip: { trigger: 'axis' }, legend: { top: 40 }, grid: { left: 120, right: 20, top: 80, bottom: 30 },
    yAxis: { type: 'category', inverse: true, data: data.ranking.map(function (d) { return d.name; }) },
    xAxis: { type: 'value' },
    series: [
      { id: 'delivered', name: ranking.dataset.delivered, type: 'bar', cursor: 'pointer',
        data: data.ranking.map(function (d) { return d.delivered; }) },
      { id: 'rating', name: ranking.dataset.rating, type: 'bar', cursor: 'pointer',
        data: data.ranking.map(function (d) { return d.rating; }) }
    ]
  }, function (p) { var s = data.ranking[p.dataIndex]; return s ? s.url : null; }, data.ranking.length === 0);
  host.dataset.rendered = String(rendered);
})();
