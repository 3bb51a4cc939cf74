// Outgoing relationships of an entity (all types when $type is null), with the node at the
// other end, ordered by (type, other id). Current generation: relationships only ever join two
// entities of one generation, so the other end is current too.
MATCH (g:QingdanLoad {key: 'current'})
MATCH (n:Entity {_load: g.load, id: $id})-[r]->(m:Entity)
WHERE $type IS NULL OR type(r) = $type
RETURN type(r) AS type, n.id AS src, m.id AS dst, properties(r) AS rel_props,
       m.id AS id, m.label AS label, properties(m) AS props
ORDER BY type, id
