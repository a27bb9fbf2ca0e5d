-- Read model of joint-report signatures (rebuilt from the log): each report.sign entry, saying
-- that a party signed the health report of a period in a language, by the SHA-256 of its PDF.
CREATE TABLE report_signature (
  accord    TEXT   NOT NULL,
  idx       BIGINT NOT NULL,
  party     TEXT   NOT NULL,
  author    TEXT   NOT NULL,
  at        TEXT   NOT NULL,
  from_date TEXT   NOT NULL,
  to_date   TEXT   NOT NULL,
  lang      TEXT   NOT NULL,
  sha256    TEXT   NOT NULL,
  PRIMARY KEY (accord, idx)
);

CREATE INDEX report_signature_period ON report_signature (accord, from_date, to_date);
