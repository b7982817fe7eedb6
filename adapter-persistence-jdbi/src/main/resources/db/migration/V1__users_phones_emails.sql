-- Users with their phones and email. Plain SQL that H2 2.x and PostgreSQL 15 both accept,
-- so one migration serves the embedded default and production alike.

-- "user" is reserved in both dialects, hence app_user.
CREATE TABLE app_user (
    id             UUID                     NOT NULL,
    institution_id VARCHAR(64)              NOT NULL,
    customer_id    VARCHAR(64)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_user_pk PRIMARY KEY (id),
    -- The tenant-scoped look-up key; its leading column also serves per-institution queries.
    CONSTRAINT app_user_customer_uk UNIQUE (institution_id, customer_id)
);

CREATE TABLE phone (
    id          UUID                     NOT NULL,
    user_id     UUID                     NOT NULL,
    -- The phone's place in the user's list: the first phone is the default when none is marked.
    position    INT                      NOT NULL,
    number      VARCHAR(10)              NOT NULL,
    type        VARCHAR(10)              NOT NULL,
    is_default  BOOLEAN                  NOT NULL,
    is_verified BOOLEAN                  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT phone_pk PRIMARY KEY (id),
    CONSTRAINT phone_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id),
    -- Also the index that loads a user's phones in order (PostgreSQL does not index foreign keys).
    CONSTRAINT phone_user_position_uk UNIQUE (user_id, position)
);

-- Phone-number account limits count the users of a number.
CREATE INDEX phone_number_ix ON phone (number);

CREATE TABLE email (
    id                 UUID                     NOT NULL,
    user_id            UUID                     NOT NULL,
    address            VARCHAR(255)             NOT NULL,
    -- Lower-case copy for the case-insensitive login-id look-up, so that it can use an index.
    address_normalized VARCHAR(255)             NOT NULL,
    is_verified        BOOLEAN                  NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT email_pk PRIMARY KEY (id),
    CONSTRAINT email_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id),
    -- One email per user.
    CONSTRAINT email_user_uk UNIQUE (user_id)
);

-- Not unique: the same address may belong to several customers; the look-up refuses such a match.
CREATE INDEX email_address_normalized_ix ON email (address_normalized);
