-- Persistent stream queues for Microsoft.Orleans.Streaming.AdoNet 10.4.2-alpha.1 (AddAdoNetStreams).
--
-- Contract: a queue is (@ServiceId, @ProviderId, @QueueId); timeouts and intervals arrive in whole seconds.
-- A dequeue hides the messages it hands out for @VisibilityTimeout and counts the attempt in "dequeued"; the
-- receiver later answers with "message:dequeued" receipts in @Items ("1:2|3:1"): a positive receipt confirms
-- (deletes) the message if it was not handed out again since, a negative one releases it for immediate
-- redelivery. Messages that expire or use up @MaxAttempts become dead letters, kept for @RemovalTimeout.
-- Result rows answer serviceid, providerid, queueid, messageid (64-bit), and for dequeues dequeued (32-bit),
-- visibleon, expireson, createdon, modifiedon and payload. The provider never runs the two eviction queries
-- itself: it relies on the dequeue to evict, at most once per @EvictionInterval per queue.
--
-- Dead letters stay in stream_message, marked by dead_on: burying a message rewrites two timestamps instead of
-- copying its payload to another table.

CREATE TABLE stream_message (
    service_id  text        NOT NULL,
    provider_id text        NOT NULL,
    queue_id    text        NOT NULL,
    message_id  bigint      GENERATED ALWAYS AS IDENTITY,
    dequeued    integer     NOT NULL DEFAULT 0,
    visible_on  timestamptz NOT NULL,
    expires_on  timestamptz NOT NULL,
    created_on  timestamptz NOT NULL,
    modified_on timestamptz NOT NULL,
    dead_on     timestamptz,          -- set when the message expired or used up its attempts
    remove_on   timestamptz,          -- when a dead letter is deleted for good
    payload     bytea       NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id, message_id)
);

-- The live queue in delivery order, without the dead letters in the way.
CREATE INDEX stream_message_live ON stream_message (service_id, provider_id, queue_id, message_id) WHERE dead_on IS NULL;
-- Dead letters in the order they are due for removal.
CREATE INDEX stream_message_dead ON stream_message (service_id, provider_id, queue_id, remove_on) WHERE dead_on IS NOT NULL;

-- For operators: what the provider calls dead letters.
CREATE VIEW stream_dead_letter AS SELECT * FROM stream_message WHERE dead_on IS NOT NULL;

-- When each queue is next due for eviction.
CREATE TABLE stream_eviction (
    service_id  text        NOT NULL,
    provider_id text        NOT NULL,
    queue_id    text        NOT NULL,
    evict_on    timestamptz NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

('QueueStreamMessageKey', $sql$
INSERT INTO stream_message (service_id, provider_id, queue_id, visible_on, expires_on, created_on, modified_on, payload)
VALUES (@ServiceId, @ProviderId, @QueueId, now(), now() + make_interval(secs => @ExpiryTimeout), now(), now(), @Payload)
RETURNING service_id AS serviceid, provider_id AS providerid, queue_id AS queueid, message_id AS messageid
$sql$),

-- Evicts first when the queue is due (the caller that moves evict_on forward does it; a queue seen for the first
-- time is registered and due at once), then hands out the oldest visible messages in id order, waiting for rows
-- another statement holds rather than skipping them, so order is kept.
('GetStreamMessagesKey', $sql$
WITH first_seen AS (
    INSERT INTO stream_eviction (service_id, provider_id, queue_id, evict_on)
    VALUES (@ServiceId, @ProviderId, @QueueId, now() + make_interval(secs => @EvictionInterval))
    ON CONFLICT (service_id, provider_id, queue_id) DO NOTHING
    RETURNING queue_id
), rescheduled AS (
    UPDATE stream_eviction SET evict_on = now() + make_interval(secs => @EvictionInterval)
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND evict_on <= now()
    RETURNING queue_id
), due AS (
    SELECT queue_id FROM first_seen UNION ALL SELECT queue_id FROM rescheduled
), buried AS (
    UPDATE stream_message
    SET dead_on = now(), remove_on = now() + make_interval(secs => @RemovalTimeout), modified_on = now()
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND message_id IN (
        SELECT message_id FROM stream_message
        WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND dead_on IS NULL
          AND visible_on <= now() AND (dequeued >= @MaxAttempts OR expires_on <= now()) AND EXISTS (SELECT FROM due)
        ORDER BY message_id LIMIT @EvictionBatchSize FOR UPDATE SKIP LOCKED)
), forgotten AS (
    DELETE FROM stream_message
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND message_id IN (
        SELECT message_id FROM stream_message
        WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND dead_on IS NOT NULL
          AND remove_on <= now() AND EXISTS (SELECT FROM due)
        ORDER BY remove_on LIMIT @EvictionBatchSize FOR UPDATE SKIP LOCKED)
), batch AS (
    SELECT message_id FROM stream_message
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND dead_on IS NULL
      AND dequeued < @MaxAttempts AND visible_on <= now() AND expires_on > now()
    ORDER BY message_id
    LIMIT @MaxCount
    FOR UPDATE
)
UPDATE stream_message m
SET dequeued = m.dequeued + 1, visible_on = now() + make_interval(secs => @VisibilityTimeout), modified_on = now()
FROM batch b
WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId AND m.message_id = b.message_id
RETURNING m.service_id AS serviceid, m.provider_id AS providerid, m.queue_id AS queueid, m.message_id AS messageid,
          m.dequeued, m.visible_on AS visibleon, m.expires_on AS expireson, m.created_on AS createdon,
          m.modified_on AS modifiedon, m.payload
$sql$),

('ConfirmStreamMessagesKey', $sql$
WITH receipts AS (
    SELECT split_part(item, ':', 1)::bigint AS message_id, split_part(item, ':', 2)::integer AS dequeued
    FROM unnest(string_to_array(@Items, '|')) AS item
), held AS (
    SELECT m.message_id, r.dequeued > 0 AS confirm
    FROM stream_message m
    JOIN receipts r ON r.message_id = m.message_id AND abs(r.dequeued) = m.dequeued
    WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId AND m.dead_on IS NULL
    ORDER BY m.message_id
    FOR UPDATE OF m
), confirmed AS (
    DELETE FROM stream_message m
    USING held h
    WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
      AND m.message_id = h.message_id AND h.confirm
    RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id
), released AS (
    UPDATE stream_message m SET visible_on = now(), modified_on = now()
    FROM held h
    WHERE m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
      AND m.message_id = h.message_id AND NOT h.confirm
    RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id
)
SELECT service_id AS serviceid, provider_id AS providerid, queue_id AS queueid, message_id AS messageid FROM confirmed
UNION ALL
SELECT service_id, provider_id, queue_id, message_id FROM released
$sql$),

-- A delivery failed: make the message visible again while it has attempts left, else make it a dead letter.
('FailStreamMessageKey', $sql$
UPDATE stream_message
SET visible_on = now(), modified_on = now(),
    dead_on = CASE WHEN dequeued >= @MaxAttempts THEN now() END,
    remove_on = CASE WHEN dequeued >= @MaxAttempts THEN now() + make_interval(secs => @RemovalTimeout) END
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND message_id = @MessageId
  AND dead_on IS NULL
$sql$),

('EvictStreamMessagesKey', $sql$
UPDATE stream_message
SET dead_on = now(), remove_on = now() + make_interval(secs => @RemovalTimeout), modified_on = now()
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND message_id IN (
    SELECT message_id FROM stream_message
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND dead_on IS NULL
      AND visible_on <= now() AND (dequeued >= @MaxAttempts OR expires_on <= now())
    ORDER BY message_id LIMIT @MaxCount FOR UPDATE SKIP LOCKED)
$sql$),

('EvictStreamDeadLettersKey', $sql$
DELETE FROM stream_message
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND message_id IN (
    SELECT message_id FROM stream_message
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND dead_on IS NOT NULL
      AND remove_on <= now()
    ORDER BY remove_on LIMIT @MaxCount FOR UPDATE SKIP LOCKED)
$sql$);
