-- Node-local notification state: none of it is part of the joint record, none of it is emptied by
-- a rebuild, and none of it is in the state digest.

-- Where a deployment sends the notices of one party of one accord: an e-mail address or a webhook
-- URL (with the key that signs each webhook body). Only notices from log index from_idx on are
-- sent, so replaying older entries never reaches a subscription added later.
CREATE TABLE notify_subscription (
  id       TEXT   NOT NULL PRIMARY KEY,
  accord   TEXT   NOT NULL,
  party    TEXT   NOT NULL,
  kind     TEXT   NOT NULL,
  target   TEXT   NOT NULL,
  secret   TEXT,
  from_idx BIGINT NOT NULL,
  created  TEXT   NOT NULL,
  UNIQUE (accord, party, kind, target)
);

-- One delivery of one notice to one subscription. Keyed by the notice and the target, so posting
-- the notice again (a rebuild) finds the row already there and sends nothing twice.
CREATE TABLE notify_outbox (
  id           TEXT    NOT NULL PRIMARY KEY,
  accord       TEXT    NOT NULL,
  idx          BIGINT  NOT NULL,
  party        TEXT    NOT NULL,
  kind         TEXT    NOT NULL,
  target       TEXT    NOT NULL,
  subscription TEXT    NOT NULL,
  at           TEXT    NOT NULL,
  msg          TEXT    NOT NULL,
  args         TEXT    NOT NULL,
  link         TEXT    NOT NULL,
  status       TEXT    NOT NULL,
  attempts     INTEGER NOT NULL,
  next_attempt BIGINT  NOT NULL,
  last_error   TEXT,
  delivered    TEXT,
  UNIQUE (accord, idx, party, kind, target)
);

CREATE INDEX notify_outbox_due ON notify_outbox (status, next_attempt);

-- Which notices each user has read.
CREATE TABLE notice_read (
  username TEXT   NOT NULL,
  accord   TEXT   NOT NULL,
  idx      BIGINT NOT NULL,
  party    TEXT   NOT NULL,
  PRIMARY KEY (username, accord, idx, party)
);

-- Inboxes read the notices newest first: one party's (and its unread count), or every party's.
CREATE INDEX notice_by_party ON notice (party, at);
CREATE INDEX notice_by_time ON notice (at);
