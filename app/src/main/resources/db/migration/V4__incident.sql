-- Read model of the incident register (rebuilt from the log). An incident's id is the log index
-- of the report that opened it; every report, account and finding is kept as its own row.

-- One row per incident, as its first report describes it: what the list and its filters read.
CREATE TABLE incident (
  accord          TEXT   NOT NULL,
  id              BIGINT NOT NULL,
  external_id     TEXT,
  reported_by     TEXT   NOT NULL,
  date            TEXT   NOT NULL,
  date_end        TEXT,
  date_precision  TEXT   NOT NULL,
  country         TEXT,
  admin1          TEXT,
  admin2          TEXT,
  location        TEXT,
  lat             DOUBLE PRECISION,
  lon             DOUBLE PRECISION,
  geo_precision   TEXT,
  event_type      TEXT   NOT NULL,
  sub_event_type  TEXT   NOT NULL,
  fatalities_best BIGINT,
  provisions      TEXT   NOT NULL,
  text            TEXT,
  created         TEXT   NOT NULL,
  PRIMARY KEY (accord, id)
);

-- Re-importing a file finds the rows it already brought in by their source's id.
CREATE UNIQUE INDEX incident_external ON incident (accord, external_id);
CREATE INDEX incident_date ON incident (accord, date);

-- Each member's account of an incident (the opening report is one, kind 'report'), side by side.
CREATE TABLE incident_account (
  accord          TEXT   NOT NULL,
  idx             BIGINT NOT NULL,
  incident        BIGINT NOT NULL,
  kind            TEXT   NOT NULL,
  party           TEXT   NOT NULL,
  author          TEXT   NOT NULL,
  lang            TEXT   NOT NULL,
  at              TEXT   NOT NULL,
  date            TEXT   NOT NULL,
  event_type      TEXT   NOT NULL,
  sub_event_type  TEXT   NOT NULL,
  fatalities_low  BIGINT,
  fatalities_best BIGINT,
  fatalities_high BIGINT,
  injuries_low    BIGINT,
  injuries_best   BIGINT,
  injuries_high   BIGINT,
  text            TEXT,
  body            TEXT   NOT NULL,
  PRIMARY KEY (accord, idx)
);

CREATE INDEX incident_account_incident ON incident_account (accord, incident);

-- The actors each account names, with the canonical group the name was resolved to (if any).
CREATE TABLE incident_actor (
  accord   TEXT    NOT NULL,
  account  BIGINT  NOT NULL,
  ordinal  INTEGER NOT NULL,
  incident BIGINT  NOT NULL,
  name     TEXT    NOT NULL,
  role     TEXT    NOT NULL,
  grp      TEXT,
  PRIMARY KEY (accord, account, ordinal)
);

CREATE INDEX incident_actor_group ON incident_actor (accord, grp, incident);

-- A mediator's finding on an incident, and the report or account it supports.
CREATE TABLE incident_finding (
  accord   TEXT   NOT NULL,
  idx      BIGINT NOT NULL,
  incident BIGINT NOT NULL,
  party    TEXT   NOT NULL,
  author   TEXT   NOT NULL,
  lang     TEXT   NOT NULL,
  at       TEXT   NOT NULL,
  supports BIGINT,
  text     TEXT   NOT NULL,
  PRIMARY KEY (accord, idx)
);
