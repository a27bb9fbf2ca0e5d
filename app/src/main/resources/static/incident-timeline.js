// The incident timeline: incidents and fatalities per month, stacked by perpetrator group, drawn
// by ECharts from the node's JSON (the same filters as the page). Tooltips are drawn on the canvas
// (richText), since the page's content security policy allows no inline styles.
"use strict";
(function () {
  const box = document.getElementById("incident-timeline");
  if (!box || !window.echarts) return;
  const labels = JSON.parse(box.dataset.labels);
  const rtl = box.dataset.dir === "rtl";
  // Buckets are Gregorian months, so they are named in the Gregorian calendar in every language.
  const monthName = new Intl.DateTimeFormat(box.dataset.lang + "-u-ca-gregory", { year: "numeric", month: "short", timeZone: "UTC" });
  // The canvas does not inherit CSS fonts: give it the page's (the bundled Arabic-script faces).
  const font = getComputedStyle(document.body).fontFamily;
  const COLOURS = ["#c0392b", "#2471a3", "#8e44ad", "#e67e22", "#27ae60", "#795548", "#16a085", "#7f8c8d"];

  function chart(id, months, groups, field) {
    const el = document.getElementById(id);
    const c = echarts.init(el, null, { renderer: "canvas" });
    c.setOption({
      color: COLOURS,
      textStyle: { fontFamily: font },
      tooltip: { trigger: "axis", renderMode: "richText" },
      legend: { type: "scroll", top: 0, right: rtl ? 0 : "auto", left: rtl ? "auto" : 0 },
      grid: { top: 40, left: 50, right: 20, bottom: 40, containLabel: true },
      xAxis: { type: "category", inverse: rtl, data: months.map((m) => monthName.format(new Date(m + "-01T00:00:00Z"))) },
      yAxis: { type: "value", position: rtl ? "right" : "left", minInterval: 1 },
      series: groups.map((g) => ({
        name: labels.groups[g.group === null ? "" : g.group] || g.group,
        type: "bar",
        stack: field,
        emphasis: { focus: "series" },
        data: g[field],
      })),
    });
    window.addEventListener("resize", () => c.resize());
    return c;
  }

  const fontsReady = document.fonts ? document.fonts.ready : Promise.resolve();
  fontsReady.then(() => fetch(box.dataset.api, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : Promise.reject(r.status))))
    .then((t) => {
      chart("chart-incidents", t.months, t.groups, "incidents");
      chart("chart-fatalities", t.months, t.groups, "fatalities");
      box.dataset.months = String(t.months.length);
      box.dataset.groups = String(t.groups.length);
      box.dataset.ready = "yes";
    })
    .catch(() => {
      box.dataset.ready = "failed";
      box.insertAdjacentText("beforeend", labels.failed);
    });
})();
