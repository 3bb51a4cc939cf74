// Schema for the qingdan graph in Neo4j. Idempotent: run before every load.
// Every node carries the label :Entity plus its own label (e.g. :Entity:Item),
// a unique `id` and its label name again in the `label` property.

CREATE CONSTRAINT entity_id IF NOT EXISTS
FOR (n:Entity) REQUIRE n.id IS UNIQUE;

CREATE INDEX entity_label IF NOT EXISTS
FOR (n:Entity) ON (n.label);

// Chinese full-text search: the cjk analyzer indexes character bigrams. Eventually consistent:
// brought up to date just after each commit instead of inside it, which made a load ~40% slower
// (answers never read it; db.index.fulltext.awaitEventuallyConsistentIndexRefresh() waits). The index of
// that name from before had no such option and is replaced.
DROP INDEX entity_text IF EXISTS;
CREATE FULLTEXT INDEX entity_fulltext IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name_zh, n.description, n.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}};

// The one marker of the last finished load (mark_load.cypher); not an :Entity, never in answers.
CREATE CONSTRAINT qingdan_load_key IF NOT EXISTS
FOR (m:QingdanLoad) REQUIRE m.key IS UNIQUE;
