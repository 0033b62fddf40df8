-- Webhooks: the titre feed (titre_event) pushed to subscribers, in feed order, signed (billing-service README, "Webhooks").

CREATE TABLE webhook_subscriber (
    id              uuid PRIMARY KEY,
    url             varchar(2000) NOT NULL,
    description     varchar(200),
    -- the feed types it receives, comma-separated (ISSUED,PAYMENT...); empty: every type
    event_types     varchar(400)  NOT NULL DEFAULT '',
    -- whsec_...: HMAC needs the secret itself, so it is kept; the API shows it once, at creation
    secret          varchar(200)  NOT NULL,
    enabled         boolean       NOT NULL DEFAULT true,
    -- the last feed position delivered (or filtered out): the next delivery is the event after it
    cursor_position bigint        NOT NULL DEFAULT 0 CHECK (cursor_position >= 0),
    -- while the event after the cursor fails: when it is tried again
    next_attempt_at timestamptz,
    version         bigint        NOT NULL DEFAULT 0,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE webhook_delivery (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscriber_id    uuid          NOT NULL REFERENCES webhook_subscriber (id) ON DELETE CASCADE,
    position         bigint        NOT NULL REFERENCES titre_event (position),
    event_type       varchar(40)   NOT NULL,
    webhook_id       varchar(100)  NOT NULL,
    status           varchar(20)   NOT NULL CHECK (status IN ('RETRYING', 'FAILING', 'SUCCEEDED', 'SUPERSEDED')),
    attempts         integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_http_status integer,
    -- the start of the last answer, or why there was none (timeout, refused connection)
    last_response    varchar(500),
    created_at       timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX webhook_delivery_by_subscriber ON webhook_delivery (subscriber_id, id DESC);
-- One delivery in progress per subscriber: the event after its cursor, which blocks the following ones.
CREATE UNIQUE INDEX webhook_delivery_open ON webhook_delivery (subscriber_id) WHERE status IN ('RETRYING', 'FAILING');
