-- Grain state for Microsoft.Orleans.Persistence.AdoNet ([PersistentState] on AddAdoNetGrainStorage).
--
-- Contract (Orleans 10.4.2): a grain is named by @ServiceId, @GrainTypeString and its key (@GrainIdN0 and
-- @GrainIdN1 for integer and Guid keys, @GrainIdExtensionString for string keys and key extensions, else
-- null), with @GrainIdHash and @GrainTypeHash computed from them for the index. @GrainStateVersion is the etag
-- the grain holds (null before its first write). Reads answer payloadbinary and version; writes, clears and
-- deletes answer newgrainstateversion, and the provider treats null or an unchanged version as a conflict
-- (InconsistentStateException).

CREATE TABLE grain_state (
    service_id         text        NOT NULL,
    grain_type         text        NOT NULL,
    grain_type_hash    integer     NOT NULL,
    grain_id_hash      integer     NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text,
    payload            bytea,               -- null once cleared; the row keeps the version
    version            integer     NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now()
);

-- One row per grain, so two first writes racing cannot both insert; also the index every query looks rows up by.
-- A key's text part may be absent (null) or empty, and those are different keys: hence the two expressions.
CREATE UNIQUE INDEX grain_state_key ON grain_state (
    grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1,
    (grain_id_extension IS NULL), coalesce(grain_id_extension, '')
);

INSERT INTO orleansquery (querykey, querytext) VALUES

('ReadFromStorageKey', $sql$
SELECT payload AS payloadbinary, version
FROM grain_state
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
  AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
$sql$),

-- With an etag: replace the payload if the row still has that version. Without: create the row at version 1
-- if there is none. Anything else answers null.
('WriteToStorageKey', $sql$
WITH replaced AS (
    UPDATE grain_state
    SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
      AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
), created AS (
    INSERT INTO grain_state (service_id, grain_type, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1,
                             grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdHash, @GrainIdN0, @GrainIdN1,
           @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT coalesce((SELECT version FROM replaced), (SELECT version FROM created)) AS newgrainstateversion
$sql$),

-- Clearing keeps the row (payload null) and bumps its version, so the grain's next write still needs the etag.
('ClearStorageKey', $sql$
WITH cleared AS (
    UPDATE grain_state
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
      AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version FROM cleared) AS newgrainstateversion
$sql$),

-- Used instead of ClearStorageKey with AdoNetGrainStorageOptions.DeleteStateOnClear: removes the row. The
-- answer only has to differ from the etag the grain held.
('DeleteStorageKey', $sql$
WITH deleted AS (
    DELETE FROM grain_state
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
      AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version + 1 FROM deleted) AS newgrainstateversion
$sql$);
