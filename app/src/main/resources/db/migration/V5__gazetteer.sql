-- The gazetteer: places, their names in every script, boundaries and border lines, by the set
-- (file or bundled source) each came from. Node configuration, not joint-record state: no
-- projection owns these tables, a rebuild leaves them alone and the state digest does not read them.

-- One loaded set, with whose data it is and under what licence. Re-loading a name replaces it;
-- seq orders loads, so the most recently loaded border line is the one in force.
CREATE TABLE gazetteer_set (
  name        TEXT   NOT NULL PRIMARY KEY,
  kind        TEXT   NOT NULL,
  source      TEXT   NOT NULL,
  licence     TEXT   NOT NULL,
  attribution TEXT   NOT NULL,
  loaded_at   TEXT   NOT NULL,
  seq         BIGINT NOT NULL,
  items       BIGINT NOT NULL
);

-- kind: country | admin1 | admin2 | city | crossing. id is "set/code"; parent is a place id.
CREATE TABLE gazetteer_place (
  id            TEXT NOT NULL PRIMARY KEY,
  set_name      TEXT NOT NULL,
  kind          TEXT NOT NULL,
  country       TEXT,
  code          TEXT NOT NULL,
  iso_code      TEXT,
  geonames_code TEXT,
  pcode         TEXT,
  parent        TEXT,
  name          TEXT NOT NULL,
  lat           DOUBLE PRECISION,
  lon           DOUBLE PRECISION,
  population    BIGINT,
  source        TEXT
);

CREATE INDEX gazetteer_place_set ON gazetteer_place (set_name);

-- Every name of a place (lang is a BCP 47 tag, or und), with its search key (see Names.key). A set
-- may name places of another set (a names file adds Dari names to GeoNames districts).
CREATE TABLE gazetteer_name (
  set_name TEXT NOT NULL,
  place    TEXT NOT NULL,
  lang     TEXT NOT NULL,
  name     TEXT NOT NULL,
  norm     TEXT NOT NULL
);

CREATE INDEX gazetteer_name_set ON gazetteer_name (set_name);
CREATE INDEX gazetteer_name_norm ON gazetteer_name (norm);

-- A place's outline (GeoJSON geometry) at a level, with its bounding box to prefilter lookups.
CREATE TABLE gazetteer_boundary (
  place    TEXT NOT NULL PRIMARY KEY,
  set_name TEXT NOT NULL,
  level    TEXT NOT NULL,
  geometry TEXT NOT NULL,
  min_lat  DOUBLE PRECISION NOT NULL,
  min_lon  DOUBLE PRECISION NOT NULL,
  max_lat  DOUBLE PRECISION NOT NULL,
  max_lon  DOUBLE PRECISION NOT NULL
);

CREATE INDEX gazetteer_boundary_set ON gazetteer_boundary (set_name);

-- A border line (GeoJSON LineString or MultiLineString) and the authority that draws it.
CREATE TABLE gazetteer_border_line (
  set_name  TEXT    NOT NULL,
  ordinal   INTEGER NOT NULL,
  name      TEXT    NOT NULL,
  authority TEXT    NOT NULL,
  geometry  TEXT    NOT NULL,
  PRIMARY KEY (set_name, ordinal)
);

-- Where each incident with coordinates lies by the gazetteer in force, and how far it is from the
-- border line in force. Derived from the gazetteer (node configuration), not from the joint log:
-- no projection lists it, so rebuilds and state digests ignore it; a gazetteer import recomputes it.
CREATE TABLE incident_place (
  accord      TEXT   NOT NULL,
  incident    BIGINT NOT NULL,
  country     TEXT,
  admin1_code TEXT,
  admin1_name TEXT,
  admin2_code TEXT,
  admin2_name TEXT,
  method      TEXT   NOT NULL,
  border_km   DOUBLE PRECISION,
  line        TEXT,
  PRIMARY KEY (accord, incident)
);
