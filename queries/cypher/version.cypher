// Which load the graph comes from. `mark` is the token of the last load that finished: written in
// a transaction of its own after the load's commit returned, so whoever reads it also reads all
// that load wrote (a read during a commit can see part of it: Neo4j is read-committed). `data` is
// any entity's token: it differs from `mark` while a load is being applied or written batch by
// batch, or when a load was killed after its commit and before its mark — the version then
// differs from the marked one, and caches keyed by it are rebuilt.
// (m['load'] rather than m.load: no warning from the server before the first mark exists)
OPTIONAL MATCH (m:QingdanLoad)
WHERE m['key'] = 'current'
WITH m LIMIT 1
OPTIONAL MATCH (n:Entity)
WITH m, n LIMIT 1
RETURN m['load'] AS mark, n._load AS data
