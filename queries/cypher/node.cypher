// One entity by id.
MATCH (n:Entity {id: $id})
RETURN n.id AS id, n.label AS label, properties(n) AS props
