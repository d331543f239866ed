-- ActivityPub deliveries: a transactional outbox. A change that other servers must hear of writes
-- its deliveries in its own transaction, one row per inbox (a shared inbox once for all of its
-- actors), and workers on every node send them. A row stays until it is sent or given up, so a
-- crash or a restart loses none.

-- Every remote host is a queue of its own: one node at a time works it (its lease), so one slow
-- or dead host holds one worker, never the others. A host that keeps failing is parked for a
-- while instead of being retried in a tight loop. next_due_at is when the host's next delivery is
-- due (not before it is unparked), so that a worker finds a host to work through one index
-- whatever the number of hosts.
CREATE TABLE remote_host (
    host             varchar(300)  PRIMARY KEY,
    failures         integer       NOT NULL DEFAULT 0,
    parked_until     timestamptz,
    lease_owner      varchar(100),
    lease_until      timestamptz,
    next_due_at      timestamptz,
    delivered        bigint        NOT NULL DEFAULT 0,
    last_success_at  timestamptz,
    last_failure_at  timestamptz,
    last_error       varchar(1000)
);

CREATE INDEX remote_host_due ON remote_host (next_due_at) WHERE next_due_at IS NOT NULL;

-- One activity for one inbox. merge_key names what a later activity may merge into a waiting one
-- (the views of one video: one View per inbox and interval, however many were counted).
CREATE TABLE delivery (
    id               bigserial     PRIMARY KEY,
    host             varchar(300)  NOT NULL REFERENCES remote_host (host),
    inbox_url        varchar(2000) NOT NULL,
    signer_id        bigint        NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    activity_type    varchar(64)   NOT NULL,
    body             text          NOT NULL,
    merge_key        varchar(2100),
    state            varchar(16)   NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'completed', 'failed')),
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz   NOT NULL DEFAULT now(),
    last_error       varchar(1000),
    created_at       timestamptz   NOT NULL DEFAULT now(),
    processed_at     timestamptz,
    finished_at      timestamptz
);
CREATE INDEX delivery_due ON delivery (host, next_attempt_at, id) WHERE state = 'waiting';
CREATE UNIQUE INDEX delivery_merged ON delivery (inbox_url, merge_key) WHERE state = 'waiting' AND merge_key IS NOT NULL;
CREATE INDEX delivery_by_state ON delivery (state, created_at, id);
CREATE INDEX delivery_signer ON delivery (signer_id);
