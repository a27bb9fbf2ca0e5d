-- People who sign in to this node. Accounts are local to a node, not part of the joint record;
-- entries name the user who wrote them.
CREATE TABLE app_user (
  username      TEXT NOT NULL PRIMARY KEY,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL,
  party         TEXT,
  password_hash TEXT NOT NULL,
  created       TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0
);

-- Bearer tokens and browser sessions; only a SHA-256 of each secret is stored.
CREATE TABLE app_session (
  token_hash TEXT NOT NULL PRIMARY KEY,
  username   TEXT NOT NULL,
  kind       TEXT NOT NULL,
  created    TEXT NOT NULL,
  expires    TEXT NOT NULL
);
