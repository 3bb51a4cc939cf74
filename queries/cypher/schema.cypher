// Schema for the qingdan graph in Neo4j. Idempotent: run before every load.
// Every node carries the label :Entity plus its own label (e.g. :Entity:Item), its id, its label
// name again in the `label` property, and `_load`, the token of the generation (load) that wrote
// it. Two generations live side by side during a load (queries/stores/neo4j_load.py): an id is
// unique within a generation, not across them.

// before generations: id alone was unique, and labels were looked up without the generation
DROP CONSTRAINT entity_id IF EXISTS;
DROP INDEX entity_label IF EXISTS;

CREATE CONSTRAINT entity_key IF NOT EXISTS
FOR (n:Entity) REQUIRE (n._load, n.id) IS UNIQUE;

CREATE INDEX entity_load_label IF NOT EXISTS
FOR (n:Entity) ON (n._load, n.label);

// Chinese full-text search: the cjk analyzer indexes character bigrams. Eventually consistent:
// brought up to date just after each commit instead of inside it (answers never read it;
// db.index.fulltext.awaitEventuallyConsistentIndexRefresh() waits). It covers the nodes labelled
// :Text — catalog, statute and document nodes — not the country's divisions and their bodies,
// whose 1.3 M names made a national load index every village (villages are found by the village
// index, GraphStore.names). It holds every generation the database holds: whoever queries it keeps
// the hits whose _load is the current token. The indexes of that purpose from before are replaced.
DROP INDEX entity_text IF EXISTS;
DROP INDEX entity_fulltext IF EXISTS;
CREATE FULLTEXT INDEX text_fulltext IF NOT EXISTS
FOR (n:Text) ON EACH [n.name_zh, n.description, n.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}};

// The marker of the current generation (switch_load.cypher); not an :Entity, never in answers.
CREATE CONSTRAINT qingdan_load_key IF NOT EXISTS
FOR (m:QingdanLoad) REQUIRE m.key IS UNIQUE;
