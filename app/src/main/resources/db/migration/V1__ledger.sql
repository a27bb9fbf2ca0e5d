-- The joint logs. ${blob} is BLOB on SQLite and BYTEA on PostgreSQL.

-- One row per entry: the signed note exactly as it was appended (the log's leaf).
CREATE TABLE log_entry (
  accord     TEXT    NOT NULL,
  idx        BIGINT  NOT NULL,
  note       ${blob} NOT NULL,
  leaf_hash  ${blob} NOT NULL,
  text_hash  ${blob} NOT NULL,
  type       TEXT    NOT NULL,
  party      TEXT    NOT NULL,
  author     TEXT    NOT NULL,
  created    TEXT    NOT NULL,
  PRIMARY KEY (accord, idx)
);

-- The same entry text can be in a log only once, however it is signed: a replay is refused.
CREATE UNIQUE INDEX log_entry_text ON log_entry (accord, text_hash);

-- Hashes of complete subtrees (level, index), written as appends complete them.
CREATE TABLE log_hash (
  accord TEXT    NOT NULL,
  level  INTEGER NOT NULL,
  idx    BIGINT  NOT NULL,
  hash   ${blob} NOT NULL,
  PRIMARY KEY (accord, level, idx)
);

-- Every checkpoint the log signed, with the witnesses' cosignatures added to the note.
CREATE TABLE log_checkpoint (
  accord  TEXT    NOT NULL,
  size    BIGINT  NOT NULL,
  note    ${blob} NOT NULL,
  created TEXT    NOT NULL,
  PRIMARY KEY (accord, size)
);

-- Each local witness's latest cosigned tree per origin (tlog-witness state).
CREATE TABLE witness_state (
  witness TEXT    NOT NULL,
  origin  TEXT    NOT NULL,
  size    BIGINT  NOT NULL,
  root    ${blob} NOT NULL,
  note    ${blob} NOT NULL,
  PRIMARY KEY (witness, origin)
);

-- Signed checkpoints a witness refused because they conflict with what it saw: evidence.
CREATE TABLE witness_evidence (
  witness  TEXT    NOT NULL,
  origin   TEXT    NOT NULL,
  received TEXT    NOT NULL,
  reason   TEXT    NOT NULL,
  note     ${blob} NOT NULL,
  cosigned ${blob}
);
