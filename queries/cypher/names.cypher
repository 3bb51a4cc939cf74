// (id, name_zh) of every entity of one label, ordered by id: the village finder's index, without
// reading every property of 620k villages (current generation).   $label: e.g. 'Village'
MATCH (g:QingdanLoad {key: 'current'})
MATCH (n:Entity)
WHERE n._load = g.load AND n.label = $label
RETURN n.id AS id, n.name_zh AS name
ORDER BY id
