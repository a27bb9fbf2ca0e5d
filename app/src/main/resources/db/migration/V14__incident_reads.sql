-- Kept rows that bound the register's group, party and text reads at a million incidents (kept by
-- IncidentIndex, emptied and replayed by a rebuild). The search index's own changes are engine
-- specific: V14_1__incident_search_order.

-- Every group any report or account of an incident names, once per incident, with the incident's
-- date, coordinates and type copied from its row (which never changes once written): a group
-- filter walks its own rows newest first, or the view's coordinates, instead of building the list
-- of every incident naming the group before the first page.
CREATE TABLE incident_group (
  accord     TEXT   NOT NULL,
  grp        TEXT   NOT NULL,
  incident   BIGINT NOT NULL,
  date       TEXT   NOT NULL,
  lat        DOUBLE PRECISION,
  lon        DOUBLE PRECISION,
  event_type TEXT   NOT NULL,
  PRIMARY KEY (accord, grp, incident)
);

CREATE INDEX incident_group_date ON incident_group (accord, grp, date, incident);
CREATE INDEX incident_group_geo ON incident_group (accord, grp, lat, lon, event_type);

-- Monthly totals like incident_month, for the incidents some account names a group of (fgrp) and
-- some member filed a report or account of (fparty); '' is "any", and the any/any slice is
-- incident_month itself. An incident counts once in each slice, under its charted group.
CREATE TABLE incident_month_filter (
  accord     TEXT   NOT NULL,
  fgrp       TEXT   NOT NULL,
  fparty     TEXT   NOT NULL,
  month      TEXT   NOT NULL,
  grp        TEXT   NOT NULL,
  event_type TEXT   NOT NULL,
  incidents  BIGINT NOT NULL,
  fatalities BIGINT NOT NULL,
  PRIMARY KEY (accord, fgrp, fparty, month, grp, event_type)
);

-- Existing registers: the same rows the projection would have written.
INSERT INTO incident_group (accord, grp, incident, date, lat, lon, event_type)
SELECT DISTINCT x.accord, x.grp, x.incident, i.date, i.lat, i.lon, i.event_type
FROM incident_actor x JOIN incident i ON i.accord = x.accord AND i.id = x.incident
WHERE x.grp IS NOT NULL;

INSERT INTO incident_month_filter (accord, fgrp, fparty, month, grp, event_type, incidents, fatalities)
SELECT c.accord, g.grp, p.party, c.month, c.grp, c.event_type, COUNT(*), SUM(c.f)
FROM (SELECT i.accord, i.id, SUBSTR(i.date, 1, 7) AS month, i.event_type, COALESCE(i.fatalities_best, 0) AS f,
        COALESCE((SELECT MIN(x.grp) FROM incident_actor x WHERE x.accord = i.accord AND x.account = i.id
          AND x.role = 'perpetrator'), '') AS grp
      FROM incident i) c
JOIN (SELECT accord, id AS incident, '' AS grp FROM incident
      UNION SELECT accord, incident, grp FROM incident_group) g ON g.accord = c.accord AND g.incident = c.id
JOIN (SELECT accord, id AS incident, '' AS party FROM incident
      UNION SELECT accord, incident, party FROM incident_account) p ON p.accord = c.accord AND p.incident = c.id
WHERE g.grp <> '' OR p.party <> ''
GROUP BY c.accord, g.grp, p.party, c.month, c.grp, c.event_type;
