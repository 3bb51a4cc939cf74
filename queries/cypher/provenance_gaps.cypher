// How many entities and relationships lack provenance: provenance_status or source missing
// or empty (null, '', 0, false or [] — what Python counts as false). Current generation.
OPTIONAL MATCH (g:QingdanLoad {key: 'current'})
WITH g.load AS gen
CALL (gen) {
  MATCH (n:Entity)
  WHERE n._load = gen AND n.id IS NOT NULL
    AND (n.provenance_status IS NULL OR n.provenance_status IN ['', 0, false, []]
     OR n.source IS NULL OR n.source IN ['', 0, false, []])
  RETURN count(n) AS nodes
}
CALL (gen) {
  MATCH (a:Entity)-[r]->(:Entity)
  WHERE a._load = gen AND a.id IS NOT NULL
    AND (r.provenance_status IS NULL OR r.provenance_status IN ['', 0, false, []]
     OR r.source IS NULL OR r.source IN ['', 0, false, []])
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
