// The health page's charts. The figures arrive in the page (data-figures, already in the
// reader's language); the tables beside each chart carry the same numbers for readers without
// scripts and for print.
"use strict";

const PALETTE = ["#1b6e3a", "#b3261e", "#6c757d", "#adb5bd", "#0d6efd", "#fd7e14"];

function healthChart(el, option, rtl) {
  const font = getComputedStyle(document.body).fontFamily;
  const chart = echarts.init(el, null, { renderer: "svg" });
  option.textStyle = { fontFamily: font, fontSize: 13 };
  option.color = PALETTE;
  option.animation = false;
  option.tooltip = { trigger: "axis" };
  // The chart box is laid out left to right (ECharts places its own text); the month axis is mirrored instead.
  option.legend = { bottom: 0, itemGap: 24, align: rtl ? "right" : "left", textStyle: { fontFamily: font } };
  option.grid = { left: 16, right: 16, top: 16, bottom: 56, containLabel: true };
  option.xAxis.inverse = rtl;
  option.yAxis.position = rtl ? "right" : "left";
  chart.setOption(option);
  window.addEventListener("resize", () => chart.resize());
  window.addEventListener("beforeprint", () => chart.resize());
  el.dataset.rendered = "yes";
  return chart;
}

// One stacked bar per month, a segment per side: incidents in one chart, deaths in the other.
function stackedBySide(el, d, field) {
  healthChart(el, {
    xAxis: { type: "category", data: d.months },
    yAxis: { type: "value", minInterval: 1 },
    series: d.incidents.series.map((s) => ({ name: s.name, type: "bar", stack: field, data: s[field] })),
  }, d.rtl);
  if (d.rtl) {
    // Legend items run from the right, first side first, as the reader reads.
    echarts.getInstanceByDom(el).setOption({ legend: { data: d.incidents.series.map((s) => s.name).reverse() } });
  }
}

// Per notified party: notifications received, acknowledged on time, answered on time.
function casesChart(el, d) {
  const c = d.cases;
  healthChart(el, {
    xAxis: { type: "category", data: c.parties },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: c.received, type: "bar", data: c.receivedBy, itemStyle: { color: "#6c757d" } },
      { name: c.ack, type: "bar", data: c.ackBy, itemStyle: { color: "#1b6e3a" } },
      { name: c.responded, type: "bar", data: c.respondedBy, itemStyle: { color: "#0d6efd" } },
    ],
  }, d.rtl);
}

// Implementation by theme, as a percentage of the most the theme's provisions could score.
function scoresChart(el, d) {
  healthChart(el, {
    xAxis: { type: "category", data: d.scores.themes },
    yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value} %" } },
    series: [{ name: d.scores.label, type: "bar", data: d.scores.percent, itemStyle: { color: "#1b6e3a" } }],
  }, d.rtl);
}

document.addEventListener("DOMContentLoaded", () => {
  const holder = document.getElementById("health-charts");
  if (!holder || typeof echarts === "undefined") return;
  const d = JSON.parse(holder.dataset.figures);
  const incidents = document.getElementById("health-chart-incidents");
  if (incidents) stackedBySide(incidents, d, "incidents");
  const deaths = document.getElementById("health-chart-deaths");
  if (deaths) stackedBySide(deaths, d, "fatalities");
  const cases = document.getElementById("health-chart-cases");
  if (cases) casesChart(cases, d);
  const scores = document.getElementById("health-chart-scores");
  if (scores) scoresChart(scores, d);
});
