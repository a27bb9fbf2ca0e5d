// The accountability chart: cases each party received per month, and how many it acknowledged
// on time. The data comes from the page (data-chart); the table above it says the same in words.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const el = document.getElementById("case-chart");
  if (!el || typeof echarts === "undefined") return;
  const data = JSON.parse(el.dataset.chart);
  el.style.height = "320px";
  const series = [];
  for (const p of data.parties) {
    series.push({ name: p.name + " · " + el.dataset.received, type: "bar", data: p.received });
    series.push({ name: p.name + " · " + el.dataset.ontime, type: "line", data: p.on_time });
  }
  const rtl = el.dataset.rtl === "true";
  const chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { top: 0, type: "scroll" },
    grid: { top: 48, left: 40, right: 24, bottom: 32 },
    xAxis: { type: "category", data: data.months, inverse: rtl },
    yAxis: { type: "value", minInterval: 1, position: rtl ? "right" : "left" },
    series: series,
  });
  el.dataset.rendered = String(series.length);
  window.addEventListener("resize", () => chart.resize());
});
