// Which generation readers see: the marker's token (switch_load.cypher), and whether it holds
// any entity (a load of an empty graph switches to a generation of none).
// (m['load'] rather than m.load: no warning from the server before the first marker exists)
OPTIONAL MATCH (m:QingdanLoad)
WHERE m['key'] = 'current'
WITH m LIMIT 1
OPTIONAL MATCH (n:Entity)
WHERE n._load = m['load'] AND n.id IS NOT NULL
WITH m, n LIMIT 1
RETURN m['load'] AS mark, n IS NOT NULL AS data
