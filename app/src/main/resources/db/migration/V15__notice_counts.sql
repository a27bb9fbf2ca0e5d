-- How many notices each party's inbox holds (rebuilt from the log with the notices), and how many
-- of them each user has marked read (node-local, like the marks). The unread badge on every page
-- is their difference: two key lookups instead of counting the notices on each request.
CREATE TABLE notice_count (
  party TEXT   NOT NULL,
  n     BIGINT NOT NULL,
  PRIMARY KEY (party)
);

CREATE TABLE notice_read_count (
  username TEXT   NOT NULL,
  party    TEXT   NOT NULL,
  n        BIGINT NOT NULL,
  PRIMARY KEY (username, party)
);

INSERT INTO notice_count (party, n) SELECT party, COUNT(*) FROM notice GROUP BY party;
INSERT INTO notice_read_count (username, party, n) SELECT username, party, COUNT(*) FROM notice_read GROUP BY username, party;
