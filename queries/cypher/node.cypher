// One entity by id, in the current generation (the marker's token: see neo4j_load.py).
MATCH (g:QingdanLoad {key: 'current'})
MATCH (n:Entity {_load: g.load, id: $id})
RETURN n.id AS id, n.label AS label, properties(n) AS props
