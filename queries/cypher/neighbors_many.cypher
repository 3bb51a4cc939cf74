// Outgoing relationships of one type at each of many entities, with the node at the other end:
// neighbors_out.cypher for a batch of ids in one round trip (the resolver's build, reports).
// One row holding every [type, src, dst, rel props, id, label, props]: the driver reads a record
// per message, and thousands of records cost far more than one list of the same values.
// Current generation, as neighbors_out.cypher (one row, an empty list, before the first load).
OPTIONAL MATCH (g:QingdanLoad {key: 'current'})
WITH g.load AS gen
UNWIND $ids AS nid
MATCH (n:Entity {_load: gen, id: nid})-[r]->(m:Entity)
WHERE type(r) = $type
RETURN collect([type(r), n.id, m.id, properties(r), m.id, m.label, properties(m)]) AS rows
