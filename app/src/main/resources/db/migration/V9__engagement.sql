-- Read model of engagement (rebuilt from the log): the accord's committees and working groups,
-- their meetings with agenda, attendance, minutes, decisions and action items, the exchanges
-- between the parties, and the provision scores. Every id is the log index of the entry that
-- created the row; flags are 0 or 1 so both engines store them alike.

-- A committee or working group, with its quorum rule and the cadence the accord expects of it.
CREATE TABLE engagement_body (
  accord       TEXT    NOT NULL,
  id           BIGINT  NOT NULL,
  code         TEXT    NOT NULL,
  name         TEXT    NOT NULL,
  kind         TEXT    NOT NULL,
  level        TEXT    NOT NULL,
  ladder_level TEXT,
  per_party    INTEGER NOT NULL,
  emergency    INTEGER NOT NULL,
  cadence      TEXT    NOT NULL,
  at           TEXT    NOT NULL,
  PRIMARY KEY (accord, id)
);

CREATE UNIQUE INDEX engagement_body_code ON engagement_body (accord, code);

CREATE TABLE engagement_body_member (
  accord  TEXT    NOT NULL,
  body    BIGINT  NOT NULL,
  ordinal INTEGER NOT NULL,
  party   TEXT    NOT NULL,
  name    TEXT    NOT NULL,
  title   TEXT,
  chair   INTEGER NOT NULL,
  PRIMARY KEY (accord, body, ordinal)
);

-- A meeting of a body; minutes are its one signed record, endorsed by each party.
CREATE TABLE engagement_meeting (
  accord      TEXT    NOT NULL,
  id          BIGINT  NOT NULL,
  body        BIGINT  NOT NULL,
  level       TEXT    NOT NULL,
  date        TEXT    NOT NULL,
  place       TEXT    NOT NULL,
  emergency   INTEGER NOT NULL,
  at          TEXT    NOT NULL,
  minutes     TEXT,
  minutes_idx BIGINT,
  PRIMARY KEY (accord, id)
);

CREATE INDEX engagement_meeting_body ON engagement_meeting (accord, body, date);

-- The agenda as the schedule entry fixed it; carried items name the action item or case they carry.
CREATE TABLE engagement_agenda (
  accord       TEXT    NOT NULL,
  meeting      BIGINT  NOT NULL,
  ordinal      INTEGER NOT NULL,
  kind         TEXT    NOT NULL,
  ref          BIGINT,
  text         TEXT    NOT NULL,
  carried      INTEGER NOT NULL,
  from_meeting BIGINT,
  PRIMARY KEY (accord, meeting, ordinal)
);

CREATE TABLE engagement_attendance (
  accord  TEXT    NOT NULL,
  idx     BIGINT  NOT NULL,
  ordinal INTEGER NOT NULL,
  meeting BIGINT  NOT NULL,
  party   TEXT    NOT NULL,
  name    TEXT    NOT NULL,
  PRIMARY KEY (accord, idx, ordinal)
);

CREATE INDEX engagement_attendance_meeting ON engagement_attendance (accord, meeting);

CREATE TABLE engagement_endorsement (
  accord  TEXT   NOT NULL,
  meeting BIGINT NOT NULL,
  party   TEXT   NOT NULL,
  idx     BIGINT NOT NULL,
  at      TEXT   NOT NULL,
  PRIMARY KEY (accord, meeting, party)
);

-- A decision proposed at a meeting; adopted once every party has signed it.
CREATE TABLE engagement_decision (
  accord      TEXT   NOT NULL,
  id          BIGINT NOT NULL,
  meeting     BIGINT NOT NULL,
  text        TEXT   NOT NULL,
  proposed_by TEXT   NOT NULL,
  at          TEXT   NOT NULL,
  adopted_at  TEXT,
  PRIMARY KEY (accord, id)
);

CREATE INDEX engagement_decision_meeting ON engagement_decision (accord, meeting);

CREATE TABLE engagement_signature (
  accord   TEXT   NOT NULL,
  decision BIGINT NOT NULL,
  party    TEXT   NOT NULL,
  idx      BIGINT NOT NULL,
  author   TEXT   NOT NULL,
  at       TEXT   NOT NULL,
  PRIMARY KEY (accord, decision, party)
);

-- An action item: who owns it, when it is due, and where it stands (closed_at once done or dropped).
CREATE TABLE engagement_action (
  accord    TEXT   NOT NULL,
  id        BIGINT NOT NULL,
  meeting   BIGINT NOT NULL,
  body      BIGINT NOT NULL,
  text      TEXT   NOT NULL,
  owner     TEXT   NOT NULL,
  due       TEXT   NOT NULL,
  status    TEXT   NOT NULL,
  at        TEXT   NOT NULL,
  closed_at TEXT,
  PRIMARY KEY (accord, id)
);

CREATE INDEX engagement_action_status ON engagement_action (accord, status);

CREATE TABLE engagement_action_update (
  accord TEXT   NOT NULL,
  idx    BIGINT NOT NULL,
  action BIGINT NOT NULL,
  status TEXT   NOT NULL,
  party  TEXT   NOT NULL,
  note   TEXT,
  at     TEXT   NOT NULL,
  PRIMARY KEY (accord, idx)
);

-- A delegation, exhibition, programme, or crossing opening or closure; provisions as ",P5,P6,".
CREATE TABLE engagement_exchange (
  accord     TEXT   NOT NULL,
  id         BIGINT NOT NULL,
  kind       TEXT   NOT NULL,
  title      TEXT   NOT NULL,
  date       TEXT   NOT NULL,
  date_end   TEXT,
  place      TEXT,
  provisions TEXT   NOT NULL,
  text       TEXT,
  party      TEXT   NOT NULL,
  at         TEXT   NOT NULL,
  PRIMARY KEY (accord, id)
);

CREATE INDEX engagement_exchange_date ON engagement_exchange (accord, date);

-- A party's proposed score for a provision over a period, with its evidence (canonical JSON).
CREATE TABLE engagement_score (
  accord       TEXT    NOT NULL,
  id           BIGINT  NOT NULL,
  provision    TEXT    NOT NULL,
  period       TEXT    NOT NULL,
  period_start TEXT    NOT NULL,
  period_end   TEXT    NOT NULL,
  score        INTEGER NOT NULL,
  party        TEXT    NOT NULL,
  evidence     TEXT    NOT NULL,
  text         TEXT,
  at           TEXT    NOT NULL,
  PRIMARY KEY (accord, id)
);

CREATE INDEX engagement_score_provision ON engagement_score (accord, provision, period);

-- The one adjudicated score of a provision for a period: by a mediator, or the joint committee.
CREATE TABLE engagement_adjudication (
  accord       TEXT    NOT NULL,
  id           BIGINT  NOT NULL,
  proposal     BIGINT  NOT NULL,
  provision    TEXT    NOT NULL,
  period       TEXT    NOT NULL,
  period_start TEXT    NOT NULL,
  period_end   TEXT    NOT NULL,
  score        INTEGER NOT NULL,
  party        TEXT    NOT NULL,
  decision     BIGINT,
  reasons      TEXT    NOT NULL,
  at           TEXT    NOT NULL,
  PRIMARY KEY (accord, id)
);

CREATE UNIQUE INDEX engagement_adjudication_period ON engagement_adjudication (accord, provision, period);
