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

-- Near-duplicates (store/duplicates.py): wire copies of one story share a cluster, whose id is
-- the id of the story's first stored article. `similarity` is the estimated share of word
-- trigrams an article shares with its closest earlier copy (1 for the first).
CREATE TABLE IF NOT EXISTS article_clusters (
    article_id VARCHAR PRIMARY KEY,    -- articles.id
    cluster_id VARCHAR NOT NULL,       -- articles.id of the story's first stored article
    similarity DOUBLE NOT NULL
);

-- Each article's MinHash signature, and its LSH band buckets to find copies among them.
CREATE TABLE IF NOT EXISTS article_signatures (
    article_id VARCHAR PRIMARY KEY,
    signature  UINTEGER[] NOT NULL
);

CREATE TABLE IF NOT EXISTS article_buckets (
    bucket     BIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);

CREATE INDEX IF NOT EXISTS article_buckets_bucket ON article_buckets (bucket);
CREATE INDEX IF NOT EXISTS article_clusters_cluster ON article_clusters (cluster_id);

-- For each event, how many distinct articles of its story (its article's cluster) report the
-- same act (type, source and target), and under how many distinct named outlets.
CREATE OR REPLACE VIEW event_reports AS
SELECT e.id AS event_id, c.cluster_id,
       count(DISTINCT o.article_id) AS articles,
       count(DISTINCT a.outlet) AS outlets
FROM events e
JOIN article_clusters c ON c.article_id = e.article_id
JOIN article_clusters m ON m.cluster_id = c.cluster_id
JOIN events o ON o.article_id = m.article_id AND o.type = e.type
     AND o.source_id IS NOT DISTINCT FROM e.source_id
     AND o.target_id IS NOT DISTINCT FROM e.target_id
JOIN articles a ON a.id = o.article_id
GROUP BY e.id, c.cluster_id;

-- The known actor a source of the chain names ("Kremlin", "Washington Post"), where it names
-- one; stores written before it have the column added, empty.
ALTER TABLE attributions ADD COLUMN IF NOT EXISTS actor_id VARCHAR;   -- actors.id

-- Sentences that say something is not known ("It was not clear whether…"), with the cue
-- that says so and the events they concern (selon.attribution.questions).
CREATE TABLE IF NOT EXISTS open_questions (
    article_id     VARCHAR NOT NULL,   -- articles.id
    sentence       VARCHAR NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    cue            VARCHAR NOT NULL,
    event_ids      VARCHAR[] NOT NULL, -- events.id
    PRIMARY KEY (article_id, sentence_start)
);

-- Acts across articles (selon.acts): each event belongs to one act, whose id is the id of its
-- first stored event. Events added later join the acts they agree with; nothing is regrouped.
CREATE TABLE IF NOT EXISTS act_members (
    event_id VARCHAR PRIMARY KEY,      -- events.id
    act_id   VARCHAR NOT NULL          -- events.id of the act's first event
);

CREATE INDEX IF NOT EXISTS act_members_act ON act_members (act_id);

-- What it takes to find the acts a new event may join without reading them all: each act's
-- type, its sides (country, or organisation code) and the days its reports may tell of.
CREATE TABLE IF NOT EXISTS acts (
    id          VARCHAR PRIMARY KEY,   -- act_members.act_id
    type        VARCHAR NOT NULL,
    source_side VARCHAR,
    target_side VARCHAR,
    day_first   DATE,
    day_last    DATE
);

CREATE INDEX IF NOT EXISTS acts_type ON acts (type);
