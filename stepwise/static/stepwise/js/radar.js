// Draws the skills radar from the JSON the page embeds (no inline script: CSP).
(function () {
  "use strict";
  var canvas = document.getElementById("radar-chart");
  var source = document.getElementById("radar-data");
  if (!canvas || !source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var styles = {
    now: { color: "#3b3fc4", fill: "rgba(59, 63, 196, 0.18)", dash: [] },
    before: { color: "#0b5e8e", fill: "rgba(11, 94, 142, 0.06)", dash: [2, 3] },
    expected_now: { color: "#8a91a5", fill: "rgba(0, 0, 0, 0)", dash: [6, 4] },
    expected_target: { color: "#11703a", fill: "rgba(0, 0, 0, 0)", dash: [10, 4] }
  };
  var datasets = data.datasets.map(function (set) {
    var style = styles[set.kind] || styles.now;
    return {
      label: set.label,
      data: set.values,
      borderColor: style.color,
      backgroundColor: style.fill,
      pointBackgroundColor: style.color,
      borderDash: style.dash,
      fill: set.kind === "now" || set.kind === "before",
      pointRadius: set.kind.indexOf("expected") === 0 ? 0 : 3,
      spanGaps: true
    };
  });
  new Chart(canvas, {
    type: "radar",
    data: { labels: data.labels, datasets: datasets },
    options: {
      maintainAspectRatio: false,
      animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : undefined,
      scales: {
        r: {
          min: 0,
          max: data.scale_max || data.levels.length,
          ticks: { stepSize: 1, backdropColor: "transparent",
            callback: function (v) { return v === 0 ? "" : data.levels[v - 1]; } },
          pointLabels: { font: { size: 12 } }
        }
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: { callbacks: { label: function (ctx) {
          var v = ctx.raw;
          var name = v === null || v === undefined ? "not rated" : (v === 0 ? "not yet at the first level" : data.levels[v - 1]);
          return ctx.dataset.label + ": " + name;
        } } }
      }
    }
  });
})();
