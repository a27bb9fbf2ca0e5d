-- incident_date (accord, date) is the leading part of incident_date_id (accord, date, id), which
-- serves every read the shorter one did; each index is one more B-tree insert per incident written.
DROP INDEX incident_date;
