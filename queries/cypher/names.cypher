// (id, name_zh) of every entity of one label, ordered by id: the village finder's index, without
// reading every property of 620k villages.   $label: e.g. 'Village'
MATCH (n:Entity)
WHERE n.label = $label
RETURN n.id AS id, n.name_zh AS name
ORDER BY id
