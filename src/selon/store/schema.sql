-- selon's store. Article identity is the hash of its normalised text, so the same input
-- ingested twice is stored once. Dates are kept at the precision the text gives (YYYY,
-- YYYY-MM or YYYY-MM-DD), with the first and last day they cover for range queries.

CREATE TABLE IF NOT EXISTS articles (
    id          VARCHAR PRIMARY KEY,   -- content hash
    external_id VARCHAR,               -- the input's own id (JSON Lines `id`, or the path)
    title       VARCHAR,
    outlet      VARCHAR,
    url         VARCHAR,
    date        VARCHAR,
    lang        VARCHAR,
    origin      VARCHAR,
    encoding    VARCHAR,
    text        VARCHAR NOT NULL,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS actors (
    id      VARCHAR PRIMARY KEY,       -- hash of (country, sector, name, org)
    country VARCHAR,
    sector  VARCHAR,
    name    VARCHAR,
    org     VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,   -- articles.id
    type           VARCHAR NOT NULL,
    mode           VARCHAR,
    context        VARCHAR[],
    source_id      VARCHAR,            -- actors.id
    target_id      VARCHAR,            -- actors.id
    sentence       VARCHAR NOT NULL,
    sentence_start INTEGER,
    sentence_end   INTEGER,
    trigger        VARCHAR,
    trigger_start  INTEGER,
    trigger_end    INTEGER,
    rule           VARCHAR,
    certainty      VARCHAR NOT NULL,
    date           VARCHAR,
    date_first     DATE,
    date_last      DATE,
    location       VARCHAR,
    objects        VARCHAR[],
    quantities     JSON
);

-- The attribution chain of each event, outermost source first (position 0).
CREATE TABLE IF NOT EXISTS attributions (
    event_id    VARCHAR NOT NULL,
    position    INTEGER NOT NULL,
    source_text VARCHAR NOT NULL,
    PRIMARY KEY (event_id, position)
);

CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS events_type ON events (type);
