// The incident map: Leaflet with no tile server (a plain background, the gazetteer's boundaries
// when the node has them), incidents as dots coloured by event type, clustered; a view holding
// more points than the node sends one by one comes back as grid cells, drawn as counted circles.
"use strict";
(function () {
  const el = document.getElementById("incident-map");
  if (!el || !window.L) return;
  const labels = JSON.parse(el.dataset.labels);
  const status = document.getElementById("incident-map-status");
  const COLOURS = {
    battles: "#c0392b",
    explosions_remote_violence: "#e67e22",
    violence_against_civilians: "#8e44ad",
    protests: "#27ae60",
    riots: "#795548",
    strategic_developments: "#2471a3",
  };
  const colour = (type) => COLOURS[type] || "#555";

  // No tile layer sets the zoom range, and the clusters need one.
  const map = L.map(el, { attributionControl: false, minZoom: 3, maxZoom: 14 }).setView([32.5, 69.5], 6);

  async function json(url) {
    const r = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
    return r.ok ? r.json() : null;
  }

  // Boundaries and the border line come from the gazetteer when it answers; without them the
  // points are still shown on the plain background.
  const boundaries = L.layerGroup().addTo(map);
  for (const level of ["country", "admin2"]) {
    json("/api/gazetteer/boundaries.geojson?level=" + level).then((g) => {
      if (!g) return;
      L.geoJSON(g, {
        interactive: false,
        style: { color: level === "country" ? "#444" : "#999", weight: level === "country" ? 1.5 : 0.5, fill: false },
      }).addTo(boundaries);
    }).catch(() => {});
  }
  const legend = L.control({ position: "bottomright" });
  const borderLine = document.createElement("div");
  borderLine.className = "incident-legend-border";
  borderLine.textContent = labels.noborder;
  legend.onAdd = function () {
    const box = L.DomUtil.create("div", "incident-legend");
    box.dir = el.dataset.dir;
    box.lang = el.dataset.lang;
    const h = document.createElement("div");
    h.className = "fw-bold";
    h.textContent = labels.legend;
    box.appendChild(h);
    for (const [code, name] of Object.entries(labels.types)) {
      const row = document.createElement("div");
      row.className = "incident-legend-row";
      row.dataset.type = code;
      const sw = document.createElement("span");
      sw.className = "incident-swatch";
      sw.style.backgroundColor = colour(code);
      row.appendChild(sw);
      row.appendChild(document.createTextNode(" " + name));
      box.appendChild(row);
    }
    box.appendChild(borderLine);
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  legend.addTo(map);
  json("/api/gazetteer/border.geojson").then((g) => {
    if (!g || !g.features || g.features.length === 0) return;
    L.geoJSON(g, { interactive: false, style: { color: "#b03a2e", weight: 2.5, dashArray: "6 4" } }).addTo(boundaries);
    const names = [...new Set(g.features.map((f) => f.properties && f.properties.name).filter(Boolean))];
    borderLine.textContent = labels.border + " " + names.join("; ");
  }).catch(() => {});

  function dot(type) {
    const d = document.createElement("span");
    d.className = "incident-dot";
    d.style.backgroundColor = colour(type);
    return L.divIcon({ html: d, className: "incident-dot-icon", iconSize: [14, 14] });
  }

  // A cluster takes the colour of the type most of its incidents share.
  function clusterIcon(cluster) {
    const counts = {};
    for (const m of cluster.getAllChildMarkers()) counts[m.options.incidentType] = (counts[m.options.incidentType] || 0) + 1;
    const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
    return counted(cluster.getChildCount(), top);
  }

  function counted(n, type) {
    const d = document.createElement("div");
    d.className = "incident-cluster";
    d.style.backgroundColor = colour(type);
    d.textContent = n.toLocaleString(el.dataset.lang);
    const size = n < 10 ? 28 : n < 100 ? 34 : n < 1000 ? 40 : 48;
    return L.divIcon({ html: d, className: "incident-cluster-icon", iconSize: [size, size] });
  }

  function popup(p) {
    const box = document.createElement("div");
    box.dir = el.dataset.dir;
    const a = document.createElement("a");
    a.href = p.url;
    a.textContent = labels.open + " " + p.date;
    box.appendChild(a);
    const t = document.createElement("div");
    t.textContent = labels.types[p.type] || p.type;
    box.appendChild(t);
    const place = document.createElement("div");
    place.textContent = [p.location, p.admin2, p.admin1].filter(Boolean).join(", ");
    box.appendChild(place);
    if (p.fatalities !== null && p.fatalities !== undefined) {
      const f = document.createElement("div");
      f.textContent = labels.fatalities + ": " + p.fatalities.toLocaleString(el.dataset.lang);
      box.appendChild(f);
    }
    return box;
  }

  const clusters = L.markerClusterGroup({ iconCreateFunction: clusterIcon, showCoverageOnHover: false });
  const cells = L.layerGroup();
  map.addLayer(clusters);
  map.addLayer(cells);
  let first = true;
  let loading = 0;

  async function load() {
    const b = map.getBounds();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    const bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
      clamp(b.getNorth(), -90, 90)].map((x) => x.toFixed(4)).join(",");
    const sep = el.dataset.api.includes("?") ? "&" : "?";
    const ticket = ++loading;
    let g;
    try {
      g = await json(el.dataset.api + sep + "bbox=" + bbox + "&zoom=" + map.getZoom());
    } catch (e) {
      g = null;
    }
    if (ticket !== loading) return; // a later view answered first
    if (!g) {
      status.textContent = labels.failed;
      return;
    }
    clusters.clearLayers();
    cells.clearLayers();
    const markers = [];
    for (const f of g.features) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      if (p.cluster) {
        cells.addLayer(L.marker([lat, lon], { icon: counted(p.count, p.type) }).on("click", () => map.setView([lat, lon], map.getZoom() + 2)));
      } else {
        markers.push(L.marker([lat, lon], { icon: dot(p.type), incidentType: p.type, title: p.date }).bindPopup(() => popup(p)));
      }
    }
    clusters.addLayers(markers);
    status.textContent = g.features.length === 0 ? labels.nodata
      : (g.aggregated ? labels.aggregated : labels.shown).replace("%N%", Number(g.total).toLocaleString(el.dataset.lang));
    el.dataset.aggregated = String(g.aggregated);
    el.dataset.features = String(g.features.length);
    if (first && markers.length > 0 && !g.aggregated) {
      first = false;
      map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.2), { maxZoom: 9 });
      return; // the move loads again for the fitted view
    }
    first = false;
    el.dataset.ready = "yes";
  }

  map.on("moveend", load);
  load();
})();
