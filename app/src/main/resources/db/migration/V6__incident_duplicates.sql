-- Imported rows held for review as likely duplicates of an incident already in the register. This
-- node's own working table (not derived from the log): resolving a row appends an entry, either an
-- account of the candidate incident (merge) or a report of its own (keep separate).
CREATE TABLE incident_duplicate (
  accord      TEXT   NOT NULL,
  external_id TEXT   NOT NULL,
  source      TEXT   NOT NULL,
  line        BIGINT NOT NULL,
  party       TEXT   NOT NULL,
  body        TEXT   NOT NULL,
  candidate   BIGINT NOT NULL,
  reasons     TEXT   NOT NULL,
  flagged_by  TEXT   NOT NULL,
  flagged_at  TEXT   NOT NULL,
  status      TEXT   NOT NULL,
  resolved_by TEXT,
  resolved_at TEXT,
  entry       BIGINT,
  PRIMARY KEY (accord, external_id)
);

CREATE INDEX incident_duplicate_status ON incident_duplicate (accord, status, flagged_at);

-- Candidates are looked up by date within each date precision's own window.
CREATE INDEX incident_precision_date ON incident (accord, date_precision, date);

-- An incident's actors, read for every incident a list shows and every candidate compared; the
-- actor table's key starts with the account, so without this index each lookup scans the accord.
CREATE INDEX incident_actor_incident ON incident_actor (accord, incident, account, ordinal);

-- The list's order (newest first, then by id) straight from an index, with no sort of the register.
CREATE INDEX incident_date_id ON incident (accord, date, id);
