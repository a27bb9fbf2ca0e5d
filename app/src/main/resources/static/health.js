// The health page's charts. The figures arrive in the page (data-figures, already in the
// reader's language); the tables beside each chart carry the same numbers for readers without
// scripts and for print.
"use strict";

const PALETTE = ["#1b6e3a", "#b3261e", "#6c757d", "#adb5bd", "#0d6efd", "#fd7e14"];

function healthChart(el, option, rtl) {
  const font = getComputedStyle(document.body).fontFamily;
  const chart = echarts.init(el, null, { renderer: "svg" });
  option.textStyle = { fontFamily: font };
  option.color = PALETTE;
  option.animation = false;
  option.tooltip = { trigger: "axis" };
  option.legend = Object.assign({ top: 0 }, option.legend || {});
  option.grid = { left: 48, right: 48, top: 40, bottom: 40, containLabel: true };
  if (rtl) {
    option.xAxis.inverse = true;
    option.legend.right = 0;
  }
  chart.setOption(option);
  window.addEventListener("resize", () => chart.resize());
  window.addEventListener("beforeprint", () => chart.resize());
  el.dataset.rendered = "yes";
  return chart;
}

function incidentsChart(el, d) {
  const series = [];
  for (const s of d.incidents.series) {
    series.push({ name: s.name + " · " + d.incidents.incidents, type: "bar", stack: "incidents", data: s.incidents });
  }
  for (const s of d.incidents.series) {
    series.push({ name: s.name + " · " + d.incidents.fatalities, type: "line", yAxisIndex: 1, data: s.fatalities });
  }
  healthChart(el, {
    xAxis: { type: "category", data: d.months },
    yAxis: [
      { type: "value", name: d.incidents.incidents, minInterval: 1, position: d.rtl ? "right" : "left" },
      { type: "value", name: d.incidents.fatalities, minInterval: 1, position: d.rtl ? "left" : "right" },
    ],
    series: series,
  }, d.rtl);
}

document.addEventListener("DOMContentLoaded", () => {
  const holder = document.getElementById("health-charts");
  if (!holder || typeof echarts === "undefined") return;
  const d = JSON.parse(holder.dataset.figures);
  const inc = document.getElementById("health-chart-incidents");
  if (inc) incidentsChart(inc, d);
});
