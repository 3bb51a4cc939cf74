// Delete these entities, with their relationships, unless the load $load wrote them.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n._load IS NULL OR n._load <> $load
DETACH DELETE n
