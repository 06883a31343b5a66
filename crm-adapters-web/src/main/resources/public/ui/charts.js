/*
 * Kontor's report charts: every element with a data-chart attribute holds its chart's data as
 * JSON (written by the server, see ui.Chart); this draws it with ECharts. The numbers are also
 * in the table beside each chart, so the chart is hidden from assistive technology.
 * No inline script: the page's Content-Security-Policy allows none.
 */
(function () {
  'use strict';

  var PALETTE = ['#0b3d5c', '#c05a00', '#2e7d32', '#6a1b9a', '#b71c1c', '#00695c', '#5d4037', '#37474f'];

  function number(v) {
    return typeof v === 'number' ? v.toLocaleString('nb-NO') : v;
  }

  function formatter(unit) {
    return function (v) {
      if (v === null || v === undefined || v === '-') {
        return '–';
      }
      return number(v) + (unit ? ' ' + unit : '');
    };
  }

  function funnel(spec) {
    return {
      animation: false,
      color: PALETTE,
      tooltip: { trigger: 'item', renderMode: 'richText', valueFormatter: formatter(spec.unit) },
      series: [{
        type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '8%', gap: 2,
        label: { show: true, position: 'inside', color: '#fff', formatter: '{b}: {c}' },
        data: spec.data
      }]
    };
  }

  function bars(spec) {
    var several = spec.series.length > 1;
    var categories = { type: 'category', data: spec.categories, axisLabel: { hideOverlap: true } };
    var values = { type: 'value', name: spec.unit, axisLabel: { formatter: number } };
    return {
      animation: false,
      color: PALETTE,
      tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' }, valueFormatter: formatter(spec.unit) },
      legend: { show: several, top: 0, type: 'scroll' },
      grid: { left: 8, right: 24, bottom: 8, top: several ? 40 : 28, containLabel: true },
      xAxis: spec.horizontal ? values : categories,
      yAxis: spec.horizontal ? categories : values,
      series: spec.series.map(function (s) {
        return { type: 'bar', name: s.name, data: s.data, stack: spec.stacked ? 'sum' : undefined, barMaxWidth: 48 };
      })
    };
  }

  function draw(element) {
    var spec;
    try {
      spec = JSON.parse(element.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(spec.type === 'funnel' ? funnel(spec) : bars(spec));
    element.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () {
      chart.resize();
    });
  }

  function drawAll() {
    if (!window.echarts) {
      return; // the tables still hold every figure
    }
    Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
}());
