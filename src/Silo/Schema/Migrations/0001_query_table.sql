-- The Orleans ADO.NET providers (clustering, grain state, reminders, streams) ship no SQL: at start each reads
-- the statements it runs from this table, by key, with the fixed query
-- "SELECT QueryKey, QueryText FROM OrleansQuery". The table and column names are that contract; the later
-- migrations add their statements here next to the tables they use.
CREATE TABLE orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);
