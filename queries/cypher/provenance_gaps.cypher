// How many entities and relationships lack provenance: provenance_status or source missing
// or empty (null, '', 0, false or [] — what Python counts as false).
CALL () {
  MATCH (n:Entity)
  WHERE n.provenance_status IS NULL OR n.provenance_status IN ['', 0, false, []]
     OR n.source IS NULL OR n.source IN ['', 0, false, []]
  RETURN count(n) AS nodes
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WHERE r.provenance_status IS NULL OR r.provenance_status IN ['', 0, false, []]
     OR r.source IS NULL OR r.source IN ['', 0, false, []]
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
