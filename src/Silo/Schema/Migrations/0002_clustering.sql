-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet (silos and, through GatewaysQueryKey, clients).
--
-- Contract (Orleans 10.4.2): parameters are bound by name (@DeploymentId is the cluster id, @Address/@Port/
-- @Generation identify a silo, @Version is the table version the caller read); result columns are found by
-- name, case-insensitively, so the aliases below are part of the contract. Writes that carry @Version succeed
-- only while the cluster's table version still equals it and then bump it: that is how the membership protocol
-- detects a concurrent writer. They answer 1 (done) or 0 (version moved on, or the row already exists).
-- Times are timestamptz: the provider sends and expects UTC.

CREATE TABLE membership_version (
    cluster_id text        PRIMARY KEY,
    version    integer     NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE membership_silo (
    cluster_id    text        NOT NULL REFERENCES membership_version (cluster_id) ON DELETE CASCADE,
    address       text        NOT NULL,
    port          integer     NOT NULL,
    generation    integer     NOT NULL,
    silo_name     text        NOT NULL,
    host_name     text        NOT NULL,
    status        integer     NOT NULL,   -- Orleans SiloStatus: 3 Active, 6 Dead
    proxy_port    integer     NOT NULL,   -- gateway port; 0 when the silo is no gateway
    suspect_times text,                   -- "silo,time|silo,time": votes that this silo is dead
    start_time    timestamptz NOT NULL,
    i_am_alive_at timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO membership_version (cluster_id) VALUES (@DeploymentId)
    ON CONFLICT (cluster_id) DO NOTHING
    RETURNING cluster_id
)
SELECT count(*)::integer FROM created
$sql$),

('MembershipReadAllKey', $sql$
SELECT v.version, s.address, s.port, s.generation, s.silo_name AS siloname, s.host_name AS hostname,
       s.status, s.proxy_port AS proxyport, s.suspect_times AS suspecttimes, s.start_time AS starttime,
       s.i_am_alive_at AS iamalivetime
FROM membership_version v
LEFT JOIN membership_silo s ON s.cluster_id = v.cluster_id
WHERE v.cluster_id = @DeploymentId
$sql$),

('MembershipReadRowKey', $sql$
SELECT v.version, s.address, s.port, s.generation, s.silo_name AS siloname, s.host_name AS hostname,
       s.status, s.proxy_port AS proxyport, s.suspect_times AS suspecttimes, s.start_time AS starttime,
       s.i_am_alive_at AS iamalivetime
FROM membership_version v
LEFT JOIN membership_silo s
       ON s.cluster_id = v.cluster_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
WHERE v.cluster_id = @DeploymentId
$sql$),

-- Lock the version row only if it still holds @Version, add the silo, and bump the version only if the silo
-- was added: one statement, so either both happen or neither does.
('InsertMembershipKey', $sql$
WITH expected AS (
    SELECT cluster_id FROM membership_version
    WHERE cluster_id = @DeploymentId AND version = @Version
    FOR UPDATE
), added AS (
    INSERT INTO membership_silo (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                 start_time, i_am_alive_at)
    SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM expected
    ON CONFLICT (cluster_id, address, port, generation) DO NOTHING
    RETURNING cluster_id
), bumped AS (
    UPDATE membership_version v SET version = v.version + 1, changed_at = now()
    FROM added a WHERE v.cluster_id = a.cluster_id
    RETURNING v.cluster_id
)
SELECT count(*)::integer FROM bumped
$sql$),

('UpdateMembershipKey', $sql$
WITH expected AS (
    SELECT cluster_id FROM membership_version
    WHERE cluster_id = @DeploymentId AND version = @Version
    FOR UPDATE
), changed AS (
    UPDATE membership_silo s
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_at = @IAmAliveTime
    FROM expected e
    WHERE s.cluster_id = e.cluster_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
    RETURNING s.cluster_id
), bumped AS (
    UPDATE membership_version v SET version = v.version + 1, changed_at = now()
    FROM changed c WHERE v.cluster_id = c.cluster_id
    RETURNING v.cluster_id
)
SELECT count(*)::integer FROM bumped
$sql$),

-- Heartbeats do not change the table version.
('UpdateIAmAlivetimeKey', $sql$
UPDATE membership_silo SET i_am_alive_at = @IAmAliveTime
WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$sql$),

('GatewaysQueryKey', $sql$
SELECT address, proxy_port AS proxyport, generation
FROM membership_silo
WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
$sql$),

-- Removes the whole cluster: its silos go with the version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM membership_version WHERE cluster_id = @DeploymentId
$sql$),

-- Required, but the 10.4.2 provider uses it only when CleanupDefunctSiloEntryKey is absent.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM membership_silo
WHERE cluster_id = @DeploymentId AND status = 6 AND i_am_alive_at < @IAmAliveTime
$sql$),

-- Optional since Orleans 10.4: the provider picks dead silos older than the cutoff from a full read and deletes
-- each one only if its row has not changed since that read.
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM membership_silo
WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6 AND start_time = @StartTime AND i_am_alive_at = @IAmAliveTime
  AND suspect_times IS NOT DISTINCT FROM @SuspectTimes
$sql$);
