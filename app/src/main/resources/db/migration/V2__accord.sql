-- Read model of accords: their definition, members and provisions (rebuilt from the log).

CREATE TABLE accord (
  id         TEXT NOT NULL PRIMARY KEY,
  title      TEXT NOT NULL,
  origin     TEXT NOT NULL,
  definition TEXT NOT NULL,
  defined_at TEXT NOT NULL,
  entry_idx  BIGINT NOT NULL
);

-- Parties, observers and the secretariat, with the key each signs its entries with.
CREATE TABLE accord_member (
  accord TEXT NOT NULL,
  code   TEXT NOT NULL,
  kind   TEXT NOT NULL,
  name   TEXT NOT NULL,
  role   TEXT NOT NULL,
  vkey   TEXT NOT NULL,
  PRIMARY KEY (accord, code)
);

CREATE TABLE accord_provision (
  accord       TEXT NOT NULL,
  id           TEXT NOT NULL,
  ordinal      INTEGER NOT NULL,
  title        TEXT NOT NULL,
  theme        TEXT NOT NULL,
  binds        TEXT NOT NULL,
  verification TEXT NOT NULL,
  PRIMARY KEY (accord, id)
);

-- Statements members put on the record (declarations, notes for the file), in any language.
CREATE TABLE accord_statement (
  accord TEXT   NOT NULL,
  idx    BIGINT NOT NULL,
  party  TEXT   NOT NULL,
  author TEXT   NOT NULL,
  lang   TEXT   NOT NULL,
  text   TEXT   NOT NULL,
  at     TEXT   NOT NULL,
  PRIMARY KEY (accord, idx)
);
