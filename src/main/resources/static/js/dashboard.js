// Manager dashboard: ECharts (served by the app) from the figures the page carries in data-charts.
// Clicking a bar or a funnel step opens the list of needs behind it.
(function () {
  var host = document.getElementById('charts');
  if (!host || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(host.dataset.charts);
  var base = (host.dataset.base || '/').replace(/\/$/, '');
  var rendered = 0;
  function chart(id, option, onClick) {
    var el = document.getElementById(id);
    var c = echarts.init(el);
    option.title = { text: el.dataset.title, textStyle: { fontSize: 14 } };
    option.tooltip = option.tooltip || { trigger: 'item' };
    c.setOption(option);
    if (onClick) { c.on('click', onClick); }
    window.addEventListener('resize', function () { c.resize(); });
    rendered++;
    return c;
  }
  function stacked(map) {
    return Object.keys(map).map(function (name) {
      return { name: name, type: 'bar', stack: 'all', data: map[name] };
    });
  }
  var grid = { left: 40, right: 10, top: 60, bottom: 30 };
  chart('chart-channel', {
    tooltip: { trigger: 'axis' }, legend: { top: 22, type: 'scroll' }, grid: grid,
    xAxis: { type: 'category', data: data.buckets }, yAxis: { type: 'value', minInterval: 1 },
    series: stacked(data.byChannel)
  });
  chart('chart-category', {
    tooltip: { trigger: 'axis' }, legend: { top: 22, type: 'scroll' }, grid: grid,
    xAxis: { type: 'category', data: data.buckets }, yAxis: { type: 'value', minInterval: 1 },
    series: stacked(data.byCategory)
  }, function (p) {
    var url = data.categoryUrls[p.seriesName];
    if (url) { window.location.href = base + url; }
  });
  chart('chart-funnel', {
    series: [{ type: 'funnel', top: 40, left: '10%', width: '80%', sort: 'none', minSize: '10%',
      label: { show: true, position: 'inside', formatter: '{b}: {c}' }, data: data.funnel }]
  }, function (p) { if (p.data && p.data.url) { window.location.href = base + p.data.url; } });
  chart('chart-overdue', {
    grid: grid, xAxis: { type: 'category', data: data.overdueByLine.map(function (d) { return d.name; }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: data.overdueByLine.map(function (d) { return d.value; }) }]
  });
  var ranking = document.getElementById('chart-ranking');
  chart('chart-ranking', {
    tooltip: { trigger: 'axis' }, legend: { top: 22 }, grid: { left: 120, right: 20, top: 60, bottom: 30 },
    yAxis: { type: 'category', inverse: true, data: data.ranking.map(function (d) { return d.name; }) },
    xAxis: { type: 'value' },
    series: [
      { name: ranking.dataset.delivered, type: 'bar', data: data.ranking.map(function (d) { return d.delivered; }) },
      { name: ranking.dataset.rating, type: 'bar', data: data.ranking.map(function (d) { return d.rating; }) }
    ]
  });
  host.dataset.rendered = String(rendered);
})();
