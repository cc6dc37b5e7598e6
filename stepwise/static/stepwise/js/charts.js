// Draws the goal page's burn-up chart from the JSON the page embeds (no inline script: CSP).
(function () {
  "use strict";
  var canvas = document.getElementById("burnup-chart");
  var source = document.getElementById("burnup-data");
  if (!canvas || !source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var brand = "#3b3fc4", muted = "#8a91a5";
  new Chart(canvas, {
    type: "line",
    data: {
      datasets: [
        {
          label: "Actual",
          data: data.points.map(function (p) { return { x: p.on, y: p.actual }; }),
          borderColor: brand, backgroundColor: brand, tension: 0.2, pointRadius: 3
        },
        {
          label: "Expected",
          data: data.plan.filter(function (p) { return p.expected !== null; })
            .map(function (p) { return { x: p.on, y: p.expected }; }),
          borderColor: muted, backgroundColor: muted, borderDash: [6, 4], pointRadius: 0
        }
      ]
    },
    options: {
      maintainAspectRatio: false,
      animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : undefined,
      parsing: true,
      scales: {
        x: { type: "category", labels: Array.from(new Set(
          data.plan.map(function (p) { return p.on; }).concat(data.points.map(function (p) { return p.on; }))
        )).sort(), ticks: { maxTicksLimit: 8 } },
        y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } }
      },
      plugins: { legend: { position: "bottom" } }
    }
  });
})();
