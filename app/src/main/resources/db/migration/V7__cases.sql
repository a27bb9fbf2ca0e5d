-- Read model of casework (rebuilt from the log): notifications between the parties, their steps,
-- evidence and receipts. A case's id is the log index of its case.file entry.
--
-- case_file.state, one of:
--   filed          notified party has not acknowledged yet
--   acknowledged   notified party acknowledged
--   investigating  notified party says it is investigating
--   responded      notified party gave a response (findings, actions taken or planned)
--   rejected       notified party rejected the case as outside the accord (counts as a response)
--   verified       notifying party verified the response or accepted the rejection (closed)
--   disputed       notifying party disputed the response or the rejection
--   escalated      a disputed case was escalated up the ladder
--   decided        a mediator recorded a finding on a disputed or escalated case (closed)
-- case_file.level is the rung of the accord's escalation ladder the case has been escalated to by
-- case.escalate entries (the ladder's names, e.g. liaison, working_group_security,
-- joint_coordination_committee, ministers, mediators); level_no is its position, 0 the first rung.
-- An escalated case is one with level_no > 0. Overdue clocks raise the level pages show further;
-- that part depends on the time of reading and is computed, never stored.
-- The *_at and *_due columns are UTC times in the entries' one fixed form (compare as text);
-- next_due is the earliest due time of a clock still running, and owes the party whose move it is.
CREATE TABLE case_file (
  accord          TEXT    NOT NULL,
  id              BIGINT  NOT NULL,
  notifying       TEXT    NOT NULL,
  notified        TEXT    NOT NULL,
  state           TEXT    NOT NULL,
  level           TEXT    NOT NULL,
  level_no        INTEGER NOT NULL,
  filed_at        TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL,
  allegation_text TEXT    NOT NULL,
  request_text    TEXT    NOT NULL,
  lang            TEXT    NOT NULL,
  incidents       TEXT    NOT NULL,
  provisions      TEXT    NOT NULL,
  ack_at          TEXT,
  responded_at    TEXT,
  planned_at      TEXT,
  action_at       TEXT,
  last_response_at TEXT,
  answered_at     TEXT,
  closed_at       TEXT,
  ack_due         TEXT    NOT NULL,
  respond_due     TEXT    NOT NULL,
  ack_secs        BIGINT,
  respond_secs    BIGINT,
  actions_taken   INTEGER NOT NULL,
  disputes        INTEGER NOT NULL,
  escalations     INTEGER NOT NULL,
  owes            TEXT    NOT NULL,
  next_due        TEXT,
  PRIMARY KEY (accord, id)
);

CREATE INDEX case_file_notified ON case_file (accord, notified, id);
CREATE INDEX case_file_notifying ON case_file (accord, notifying, id);
CREATE INDEX case_file_level ON case_file (accord, level_no, id);
CREATE INDEX case_file_due ON case_file (accord, next_due);
-- The accountability table's medians read these in order.
CREATE INDEX case_file_ack_secs ON case_file (accord, notified, ack_secs);
CREATE INDEX case_file_respond_secs ON case_file (accord, notified, respond_secs);

-- Every signed entry of a case, in log order: the timeline, each party's accounts side by side.
CREATE TABLE case_step (
  accord  TEXT   NOT NULL,
  idx     BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  type    TEXT   NOT NULL,
  party   TEXT   NOT NULL,
  author  TEXT   NOT NULL,
  lang    TEXT   NOT NULL,
  at      TEXT   NOT NULL,
  text    TEXT,
  body    TEXT   NOT NULL,
  PRIMARY KEY (accord, idx)
);

CREATE INDEX case_step_case ON case_step (accord, case_id, idx);

-- Evidence files, stored by SHA-256 outside the log; the entry that handed each one over.
CREATE TABLE case_evidence (
  accord      TEXT   NOT NULL,
  case_id     BIGINT NOT NULL,
  sha256      TEXT   NOT NULL,
  idx         BIGINT NOT NULL,
  provided_by TEXT   NOT NULL,
  size        BIGINT NOT NULL,
  name        TEXT   NOT NULL,
  media_type  TEXT   NOT NULL,
  description TEXT,
  PRIMARY KEY (accord, case_id, sha256)
);

-- A party's signed receipt for opening an evidence file: one per file and party.
CREATE TABLE case_receipt (
  accord  TEXT   NOT NULL,
  case_id BIGINT NOT NULL,
  sha256  TEXT   NOT NULL,
  party   TEXT   NOT NULL,
  idx     BIGINT NOT NULL,
  at      TEXT   NOT NULL,
  PRIMARY KEY (accord, case_id, sha256, party)
);
