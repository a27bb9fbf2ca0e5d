-- What a party's people are told: one row per (entry, party). Derived from the log while entries
-- are applied, so a rebuild recreates it; the message is a bundle key and its arguments, shown in
-- each reader's own language.
CREATE TABLE notice (
  accord TEXT   NOT NULL,
  idx    BIGINT NOT NULL,
  party  TEXT   NOT NULL,
  at     TEXT   NOT NULL,
  msg    TEXT   NOT NULL,
  args   TEXT   NOT NULL,
  link   TEXT   NOT NULL,
  PRIMARY KEY (accord, idx, party)
);

CREATE INDEX notice_party ON notice (accord, party, idx);
