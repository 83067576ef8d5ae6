-- A pilot ends by itself (issue «Inspect and prove», item 4): after its end date nobody new
-- enters, the runs inside finish, and then the journey is `completed` — a status of its own, set
-- by the engine's pilot watch, so lists, filters and the report read the same thing the database
-- holds. A completed journey can be archived, or activated again as a new pilot.

alter table journeys drop constraint journeys_status_check;
alter table journeys add constraint journeys_status_check
  check (status in ('draft', 'active', 'paused', 'stopped', 'completed', 'archived'));
alter table journeys add column completed_at timestamptz;
