// Draws the evaluation report's plots as SVG from the JSON document in #report-data.
// Each <figure data-plot="scatter|precision-recall|matrix" data-task="i"> gets its SVG appended; nothing is fetched.
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var WIDTH = 330;
  var HEIGHT = 290;
  var MARGIN = { left: 50, right: 12, top: 10, bottom: 40 };
  var PALETTE = ['#2166ac', '#d6604d', '#1b7837', '#762a83', '#e08214', '#35978f'];

  var data = JSON.parse(document.getElementById('report-data').textContent);

  function node(name, attributes, parent) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, String(attributes[key]));
    });
    if (parent) {
      parent.appendChild(element);
    }
    return element;
  }

  function label(parent, x, y, text, attributes) {
    var element = node('text', Object.assign({ x: x, y: y }, attributes || {}), parent);
    element.textContent = text;
    return element;
  }

  // A metric as the tables show it; null in the data is an undefined value (NaN).
  function format(value) {
    return value === null || value === undefined || Number.isNaN(value) ? 'NaN' : value.toFixed(4);
  }

  function extent(values) {
    var low = Infinity;
    var high = -Infinity;
    values.forEach(function (value) {
      if (value !== null) {
        low = Math.min(low, value);
        high = Math.max(high, value);
      }
    });
    if (!(low <= high)) {
      return [0, 1];
    }
    if (low === high) {
      return [low - 0.5, high + 0.5];
    }
    return [low, high];
  }

  function niceStep(span, count) {
    var raw = span / count;
    var power = Math.pow(10, Math.floor(Math.log10(raw)));
    var mantissa = raw / power;
    return (mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10) * power;
  }

  function ticks(domain, count) {
    var step = niceStep(domain[1] - domain[0], count);
    var decimals = Math.max(0, -Math.floor(Math.log10(step)));
    var values = [];
    for (var value = Math.ceil(domain[0] / step) * step; value <= domain[1] + step * 1e-9; value += step) {
      values.push({ value: value, text: (Math.abs(value) < step * 1e-9 ? 0 : value).toFixed(decimals) });
    }
    return values;
  }

  function scale(domain, range) {
    return function (value) {
      return range[0] + ((value - domain[0]) / (domain[1] - domain[0])) * (range[1] - range[0]);
    };
  }

  // Axes, grid and axis titles of a 2-D plot; returns the scales.
  function frame(svg, xDomain, yDomain, xTitle, yTitle) {
    var x = scale(xDomain, [MARGIN.left, WIDTH - MARGIN.right]);
    var y = scale(yDomain, [HEIGHT - MARGIN.bottom, MARGIN.top]);
    var grid = node('g', { class: 'grid' }, svg);
    var axis = node('g', { class: 'axis' }, svg);
    ticks(xDomain, 5).forEach(function (tick) {
      var at = x(tick.value).toFixed(1);
      node('line', { x1: at, x2: at, y1: MARGIN.top, y2: HEIGHT - MARGIN.bottom }, grid);
      label(axis, at, HEIGHT - MARGIN.bottom + 14, tick.text, { 'text-anchor': 'middle' });
    });
    ticks(yDomain, 5).forEach(function (tick) {
      var at = y(tick.value).toFixed(1);
      node('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: at, y2: at }, grid);
      label(axis, MARGIN.left - 5, at, tick.text, { 'text-anchor': 'end', 'dominant-baseline': 'middle' });
    });
    node('path', {
      d: 'M' + MARGIN.left + ',' + MARGIN.top + 'V' + (HEIGHT - MARGIN.bottom) + 'H' + (WIDTH - MARGIN.right),
    }, axis);
    label(svg, (MARGIN.left + WIDTH - MARGIN.right) / 2, HEIGHT - 6, xTitle, { class: 'axis-label', 'text-anchor': 'middle' });
    label(svg, 12, (MARGIN.top + HEIGHT - MARGIN.bottom) / 2, yTitle, {
      class: 'axis-label',
      'text-anchor': 'middle',
      transform: 'rotate(-90 12 ' + (MARGIN.top + HEIGHT - MARGIN.bottom) / 2 + ')',
    });
    return { x: x, y: y };
  }

  function plotSvg(figure, kind, title) {
    var svg = node('svg', { class: kind, viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img' });
    node('title', {}, svg).textContent = title;
    figure.appendChild(svg);
    return svg;
  }

  function drawScatter(figure, task) {
    var scatter = task.scatter;
    var svg = plotSvg(figure, 'scatter', task.name + ': gold against ' + scatter.function);
    var xDomain = extent(scatter.gold.concat([0, 1]));
    var at = frame(svg, xDomain, extent(scatter.predicted), 'gold score (0-1)', scatter.function);
    var points = node('g', { class: 'points' }, svg);
    for (var i = 0; i < scatter.gold.length; i++) {
      if (scatter.gold[i] !== null && scatter.predicted[i] !== null) {
        node('circle', {
          class: 'point',
          cx: at.x(scatter.gold[i]).toFixed(1),
          cy: at.y(scatter.predicted[i]).toFixed(1),
          r: 1.8,
        }, points);
      }
    }
  }

  // Precision against recall per curve, and a dashed line at the share of positive pairs (what guessing achieves).
  function drawPrecisionRecall(figure, task) {
    var svg = plotSvg(figure, 'precision-recall', task.name + ': precision against recall');
    var at = frame(svg, [0, 1], [0, 1], 'recall', 'precision');
    var full = task.curves.filter(function (curve) { return curve.precision.length > 0; })[0];
    if (full) {
      var share = at.y(full.precision[full.precision.length - 1]).toFixed(1);
      node('line', { class: 'baseline', x1: at.x(0), x2: at.x(1), y1: share, y2: share }, svg);
    }
    var legend = document.createElement('ul');
    legend.className = 'legend';
    task.curves.forEach(function (curve, index) {
      var colour = PALETTE[index % PALETTE.length];
      var item = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = colour;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(curve.function + ' (AP ' + format(curve.ap) + ')'));
      legend.appendChild(item);
      if (curve.recall.length === 0) {
        item.appendChild(document.createTextNode(': no positive pairs'));
        return;
      }
      var path = '';
      for (var i = 0; i < curve.recall.length; i++) {
        path += (i === 0 ? 'M' : 'L') + at.x(curve.recall[i]).toFixed(1) + ',' + at.y(curve.precision[i]).toFixed(1);
      }
      node('path', { class: 'curve', d: path, stroke: colour, 'data-function': curve.function }, svg);
    });
    figure.appendChild(legend);
  }

  // Diverging colours for a correlation in [-1, 1]: red below 0, white at 0, blue above; grey when undefined.
  function cellColour(value) {
    if (value === null) {
      return '#c8ccd4';
    }
    var t = Math.max(-1, Math.min(1, value));
    var to = t < 0 ? [178, 24, 43] : [33, 102, 172];
    var mix = function (channel) {
      return Math.round(255 + (to[channel] - 255) * Math.abs(t));
    };
    return 'rgb(' + mix(0) + ',' + mix(1) + ',' + mix(2) + ')';
  }

  function drawMatrix(figure, matrix, metricName) {
    var old = figure.querySelector('svg');
    if (old) {
      old.remove();
    }
    var metric = matrix.metrics.filter(function (m) { return m.name === metricName; })[0] || matrix.metrics[0];
    var languages = matrix.languages;
    var cell = 40;
    var left = 34;
    var top = 22;
    var size = { width: left + languages.length * cell + 4, height: top + languages.length * cell + 4 };
    var svg = node('svg', { class: 'matrix', viewBox: '0 0 ' + size.width + ' ' + size.height, role: 'img' });
    node('title', {}, svg).textContent = metric.name + ' by language pair';
    languages.forEach(function (language, i) {
      label(svg, left + i * cell + cell / 2, top - 8, language, { class: 'language', 'text-anchor': 'middle' });
      label(svg, left - 6, top + i * cell + cell / 2, language, { class: 'language', 'text-anchor': 'end', 'dominant-baseline': 'central' });
    });
    metric.cells.forEach(function (entry) {
      var row = entry[0];
      var column = entry[1];
      var value = entry[2];
      var group = node('g', { class: 'matrix-cell' }, svg);
      node('title', {}, group).textContent = languages[row] + '_' + languages[column] + ' ' + metric.name + ' ' + format(value);
      node('rect', {
        class: 'cell',
        x: left + column * cell + 1,
        y: top + row * cell + 1,
        width: cell - 2,
        height: cell - 2,
        fill: cellColour(value),
      }, group);
      label(group, left + column * cell + cell / 2, top + row * cell + cell / 2, value === null ? 'NaN' : value.toFixed(2), {
        class: 'cell-value',
        fill: value !== null && Math.abs(value) > 0.6 ? '#ffffff' : '#1d2330',
      });
    });
    figure.appendChild(svg);
  }

  function setUpMatrix(figure) {
    var matrix = data.matrix;
    if (!matrix) {
      return;
    }
    var select = document.getElementById('matrix-metric');
    matrix.metrics.forEach(function (metric) {
      var option = document.createElement('option');
      option.value = metric.name;
      option.textContent = metric.name;
      option.selected = metric.name === matrix.default;
      select.appendChild(option);
    });
    select.addEventListener('change', function () {
      drawMatrix(figure, matrix, select.value);
    });
    drawMatrix(figure, matrix, select.value || matrix.default);
  }

  document.querySelectorAll('figure[data-plot]').forEach(function (figure) {
    var kind = figure.getAttribute('data-plot');
    var task = data.tasks[Number(figure.getAttribute('data-task'))];
    if (kind === 'scatter' && task && task.scatter) {
      drawScatter(figure, task);
    } else if (kind === 'precision-recall' && task) {
      drawPrecisionRecall(figure, task);
    } else if (kind === 'matrix') {
      setUpMatrix(figure);
    }
  });
})();
