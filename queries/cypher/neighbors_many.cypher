// Outgoing relationships of one type at each of many entities, with the node at the other end:
// neighbors_out.cypher for a batch of ids in one round trip (reports that visit every item).
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})-[r]->(m:Entity)
WHERE type(r) = $type
RETURN type(r) AS type, n.id AS src, m.id AS dst, properties(r) AS rel_props,
       m.id AS id, m.label AS label, properties(m) AS props
