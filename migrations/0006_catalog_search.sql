-- The newest-first catalog listing walks published courses by id; without
-- planner statistics SQLite otherwise sorts every published course first.
CREATE INDEX courses_status_newest_idx ON courses (status, id);
