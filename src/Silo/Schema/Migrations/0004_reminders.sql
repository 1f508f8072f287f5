-- Reminders for Microsoft.Orleans.Reminders.AdoNet (UseAdoNetReminderService).
--
-- Contract (Orleans 10.4.2): a reminder is (@ServiceId, @GrainId, @ReminderName). @GrainHash is the grain's
-- uniform hash as a signed integer; each silo reads the reminders of its range of the hash ring: (begin, end]
-- with ReadRangeRows1Key when begin < end as signed integers, else the wrapped range with ReadRangeRows2Key.
-- Rows answer grainid, remindername, starttime, period (milliseconds, read as a 64-bit integer) and version,
-- which is the reminder's etag: every upsert bumps it and a delete must name it.

CREATE TABLE reminder (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    grain_hash    integer     NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX reminder_by_ring_position ON reminder (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

('ReadReminderRowsKey', $sql$
SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period_ms AS period, version
FROM reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId
$sql$),

('ReadReminderRowKey', $sql$
SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period_ms AS period, version
FROM reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$sql$),

('ReadRangeRows1Key', $sql$
SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period_ms AS period, version
FROM reminder
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$sql$),

('ReadRangeRows2Key', $sql$
SELECT grain_id AS grainid, reminder_name AS remindername, start_time AS starttime, period_ms AS period, version
FROM reminder
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$sql$),

('UpsertReminderRowKey', $sql$
INSERT INTO reminder AS r (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET grain_hash = excluded.grain_hash, start_time = excluded.start_time, period_ms = excluded.period_ms,
    version = r.version + 1
RETURNING r.version
$sql$),

('DeleteReminderRowKey', $sql$
WITH removed AS (
    DELETE FROM reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING grain_id
)
SELECT count(*)::integer FROM removed
$sql$),

('DeleteReminderRowsKey', $sql$
DELETE FROM reminder WHERE service_id = @ServiceId
$sql$);
