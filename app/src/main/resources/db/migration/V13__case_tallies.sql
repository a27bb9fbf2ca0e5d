-- Read model of casework, kept beside case_file so the pages read a few rows at 100,000 cases
-- (rebuilt from the log like case_file; V13_1 fills them on nodes that already hold cases).
--
-- Cases per pair of parties, state and level escalated to: the case lists' totals are sums of
-- a few of these rows. A row whose count falls to zero is deleted.
CREATE TABLE case_tally (
  accord    TEXT    NOT NULL,
  notifying TEXT    NOT NULL,
  notified  TEXT    NOT NULL,
  state     TEXT    NOT NULL,
  level_no  INTEGER NOT NULL,
  cases     BIGINT  NOT NULL,
  PRIMARY KEY (accord, notifying, notified, state, level_no)
);

-- The accountability table's counts per notified party and UTC day of filing ('YYYY-MM-DD'):
-- cases received, acknowledged and responded to on time (by ack_due and respond_due), actions
-- reported taken, cases verified, disputed at least once and escalated (level_no > 0), and cases
-- acknowledged and responded to at all (how many times the medians are taken over).
CREATE TABLE case_day (
  accord            TEXT   NOT NULL,
  notified          TEXT   NOT NULL,
  day               TEXT   NOT NULL,
  received          BIGINT NOT NULL,
  ack_on_time       BIGINT NOT NULL,
  responded_on_time BIGINT NOT NULL,
  actions_taken     BIGINT NOT NULL,
  verified          BIGINT NOT NULL,
  disputed          BIGINT NOT NULL,
  escalated         BIGINT NOT NULL,
  acknowledged      BIGINT NOT NULL,
  responded         BIGINT NOT NULL,
  PRIMARY KEY (accord, notified, day)
);

-- The rungs of the ladder each open case stands on as time passes (CaseClocks.climb): on rung
-- from since (null: whatever the time) until until (null: for good), both whole milliseconds in
-- the entries' time form. A queue at a moment is the rows of its rung whose interval holds it.
-- arrived orders a queue, latest first: since, or for the rung a case stands on without an
-- overdue clock, the time of its latest move. Closed cases have no rows.
CREATE TABLE case_rung (
  accord  TEXT    NOT NULL,
  id      BIGINT  NOT NULL,
  rung    INTEGER NOT NULL,
  arrived TEXT    NOT NULL,
  since   TEXT,
  until   TEXT,
  PRIMARY KEY (accord, id, rung)
);

CREATE INDEX case_rung_queue ON case_rung (accord, rung, arrived, id, since, until);

-- next_due is set only while a clock runs, so it alone finds the overdue cases; these indexes
-- count them without reading the wide case rows: for the lists (by parties and level, with the
-- id so a page of them is picked before any row is read) and for the accountability table (per
-- notified party, within the filing dates).
DROP INDEX case_file_due;
CREATE INDEX case_file_due ON case_file (accord, next_due, notifying, notified, level_no, id);
CREATE INDEX case_file_notified_due ON case_file (accord, notified, next_due, filed_at);
-- The medians read these in order, within the filing dates, from the index alone.
DROP INDEX case_file_ack_secs;
DROP INDEX case_file_respond_secs;
CREATE INDEX case_file_ack_secs ON case_file (accord, notified, ack_secs, filed_at);
CREATE INDEX case_file_respond_secs ON case_file (accord, notified, respond_secs, filed_at);
