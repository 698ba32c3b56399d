/* Dashboard charts: each <canvas data-chart="ID"> is drawn from the JSON in <script id="ID"
   type="application/json"> (Django's json_script; the CSP allows no inline script). The table under
   each chart holds the same figures; without JavaScript (or Chart.js) the tables are the page. */
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") { return; }
  var Chart = window.Chart;
  // Each colour keeps at least 4.5:1 against white; the second series is also hatched and dashed,
  // and every series is named in the legend, so colour never carries the meaning alone.
  var COLOURS = ["#0a3d8f", "#8a4b00", "#1e6b34", "#7b2d86"];
  var POINTS = ["circle", "rect", "triangle", "crossRot"];
  Chart.defaults.color = "#212529";
  Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

  function hatch(colour) {
    var tile = document.createElement("canvas");
    tile.width = 8;
    tile.height = 8;
    var context = tile.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, 8, 8);
    context.strokeStyle = colour;
    context.lineWidth = 2;
    context.beginPath();
    context.moveTo(0, 8);
    context.lineTo(8, 0);
    context.stroke();
    return context.createPattern(tile, "repeat");
  }

  function dataset(series, index, type) {
    var colour = COLOURS[index % COLOURS.length];
    var patterned = index % 2 === 1;
    return {
      label: series.label,
      data: series.data,
      borderColor: colour,
      borderWidth: 2,
      borderDash: type === "line" && patterned ? [6, 4] : [],
      backgroundColor: type === "line" ? colour : (patterned ? hatch(colour) : colour),
      pointStyle: POINTS[index % POINTS.length],
      pointRadius: 4,
      spanGaps: false
    };
  }

  // Long category names break into lines instead of being cut at the chart's edge.
  function wrap(label) {
    var words = String(label).split(" "), lines = [], line = "";
    words.forEach(function (word) {
      if (line && (line + " " + word).length > 24) { lines.push(line); line = word; } else { line = line ? line + " " + word : word; }
    });
    if (line) { lines.push(line); }
    return lines.length > 1 ? lines : label;
  }

  var charts = [];
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source) { return; }
    var spec = JSON.parse(source.textContent);
    var box = canvas.parentElement;
    box.hidden = false;
    if (spec.horizontal) {
      box.style.height = Math.max(12, spec.labels.length * spec.datasets.length * 1.4 + 5) + "rem";
    }
    charts.push(new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.horizontal ? spec.labels.map(wrap) : spec.labels,
        datasets: spec.datasets.map(function (series, index) { return dataset(series, index, spec.type); })
      },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: "bottom", labels: { usePointStyle: true } } },
        scales: { x: { beginAtZero: true }, y: { beginAtZero: true } }
      }
    }));
    // With the chart drawn, its table folds under it (one tap away); printing opens it again.
    var details = box.parentElement.querySelector("details.dash-table");
    if (details) { details.open = false; }
  });

  var folded = [];
  window.addEventListener("beforeprint", function () {
    folded = Array.prototype.filter.call(document.querySelectorAll("details.dash-table"), function (d) { return !d.open; });
    folded.forEach(function (d) { d.open = true; });
    charts.forEach(function (chart) { chart.resize(); });
  });
  window.addEventListener("afterprint", function () {
    folded.forEach(function (d) { d.open = false; });
    charts.forEach(function (chart) { chart.resize(); });
  });
}());
