-- A group filter with a province or district (the list of TTP incidents in Quetta) reads the
-- group's rows of that place newest first, instead of every row of the group or of the place: the
-- group rows carry the incident's admin1 and admin2 as its row has them (which never change once
-- written), indexed as the incident filters compare them.
ALTER TABLE incident_group ADD COLUMN admin1 TEXT;
ALTER TABLE incident_group ADD COLUMN admin2 TEXT;

UPDATE incident_group
SET admin1 = (SELECT i.admin1 FROM incident i WHERE i.accord = incident_group.accord AND i.id = incident_group.incident),
    admin2 = (SELECT i.admin2 FROM incident i WHERE i.accord = incident_group.accord AND i.id = incident_group.incident);

CREATE INDEX incident_group_admin1 ON incident_group (accord, grp, lower(admin1), date, incident);
CREATE INDEX incident_group_admin2 ON incident_group (accord, grp, lower(admin2), date, incident);

-- The map cells of V11 per group (IncidentIndex.CELL_LEVELS), so a map filtered by a group reads
-- a few hundred kept cells instead of aggregating every incident of the group in the view. The
-- coordinates are summed as whole millionths of a degree: such sums do not depend on the order of
-- adding, so the rows are the same whichever batches wrote them. Filled by V16_1.
CREATE TABLE incident_group_cell (
  accord     TEXT    NOT NULL,
  grp        TEXT    NOT NULL,
  z          INTEGER NOT NULL,
  cy         BIGINT  NOT NULL,
  cx         BIGINT  NOT NULL,
  event_type TEXT    NOT NULL,
  incidents  BIGINT  NOT NULL,
  lat_micro  BIGINT  NOT NULL,
  lon_micro  BIGINT  NOT NULL,
  PRIMARY KEY (accord, grp, z, cy, cx, event_type)
);
