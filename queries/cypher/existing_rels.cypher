// Every relationship between entities before a load, keyed as the loader keys them
// (src, type, dst), with its element id for deleting the ones the new graph does not have.
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS src, type(r) AS type, b.id AS dst, elementId(r) AS rid
