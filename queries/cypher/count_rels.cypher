// Number of relationships between entities per type (current generation: both ends are).
MATCH (g:QingdanLoad {key: 'current'})
MATCH (a:Entity)-[r]->(:Entity)
WHERE a._load = g.load AND a.id IS NOT NULL
RETURN type(r) AS type, count(*) AS count
ORDER BY type
