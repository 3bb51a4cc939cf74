// The whole explanation subgraph of an answer in one round trip (the rules of
// queries/stores/base.py Subgraph; MemoryStore walks the same rules in Python).
// One map parameter $q, never separate ones: Neo4j 5 keys its plan cache by the parameters' types
// and by size buckets of list and string parameters, so separate ones compiled a new plan (~1 s)
// whenever an answer had a village where the last had none, or more anchors; a map keeps one plan.
// $q.ids: the items and other anchor nodes (decisions, documents, body types …)
// $q.village: a village id or null   $q.works: work ids   $q.plabels: the provision labels
// $q.drop: the relationship properties an answer never reads (their provenance, the load token)
// Collects relationships; the nodes returned are their ends plus the anchors, works and village.
// Current generation: entities looked up by id carry the marker's token; what is reached from
// them is current too (relationships only ever join two entities of one generation).
OPTIONAL MATCH (g:QingdanLoad {key: 'current'})
WITH g.load AS gen
CALL (gen) {
  UNWIND $q.ids AS nid
  MATCH (n:Entity {_load: gen, id: nid})
  RETURN collect(n) AS firsts
}
// rule 1: every outgoing relationship of the anchors; ROLE_* name the provision of their basis
CALL (firsts) {
  UNWIND firsts AS n
  MATCH (n)-[r]->(o:Entity)
  RETURN collect(r) AS r1, collect(DISTINCT o) AS ends
}
CALL (r1, gen) {
  UNWIND r1 AS r
  WITH r WHERE type(r) STARTS WITH 'ROLE_' AND r.basis_id IS NOT NULL
  MATCH (b:Entity {_load: gen, id: r.basis_id})
  RETURN collect(DISTINCT b) AS role_bases
}
// rule 2: list of a list version, requirement of a disclosure item, steps of a procedure
CALL (firsts, ends) {
  UNWIND firsts + ends AS m
  WITH DISTINCT m
  MATCH (m)-[r:VERSION_OF_LIST|HAS_REQUIREMENT]->(:Entity)
  RETURN collect(r) AS r2
}
CALL (firsts, ends) {
  UNWIND firsts + ends AS m
  WITH DISTINCT m
  MATCH (m)<-[r:STEP_OF]-(s:Entity)
  OPTIONAL MATCH (s)-[a:STEP_ACTOR]->(:Entity)
  RETURN collect(DISTINCT r) + collect(a) AS r3
}
// rule 3: provisions, their articles, every text they were carried to or from, versions and works
CALL (firsts, ends, role_bases) {
  UNWIND [m IN firsts + ends WHERE m.label IN $q.plabels] + role_bases AS p
  MATCH (p)-[:PART_OF*0..2]->(a:Entity)
  RETURN collect(DISTINCT a) AS a0
}
CALL (a0) {
  UNWIND a0 AS a
  MATCH path = (a)-[:SUCCEEDED_BY*1..12]->(:Entity)
  RETURN collect(path) AS fwd
}
CALL (a0) {
  UNWIND a0 AS a
  MATCH path = (a)<-[:SUCCEEDED_BY*1..12]-(:Entity)
  RETURN collect(path) AS bwd
}
WITH gen, firsts, role_bases, r1 + r2 + r3 AS rels, a0, fwd + bwd AS paths
WITH gen, firsts, role_bases, rels + reduce(acc = [], q IN paths | acc + relationships(q)) AS rels,
     a0 + reduce(acc = [], q IN paths | acc + nodes(q)) AS reached
CALL (reached) {
  UNWIND reached AS s
  WITH DISTINCT s
  MATCH up = (s)-[:PART_OF*0..2]->(x:Entity)
  OPTIONAL MATCH (x)-[v:PROVISION_OF|PROVISION_OF_DOCUMENT]->(:Entity)
  RETURN reduce(acc = [], q IN collect(up) | acc + relationships(q)) AS r4, collect(v) AS r5
}
CALL (r5) {
  UNWIND r5 AS v
  WITH DISTINCT endNode(v) AS ver
  MATCH (ver)-[r:VERSION_OF_WORK]->(w:Entity)
  RETURN collect(r) AS r6, collect(DISTINCT w) AS works_used
}
// rule 4: every version of those works, the laws repealing them and every version of those
CALL (works_used, gen) {
  OPTIONAL MATCH (named:Entity) WHERE named._load = gen AND named.id IN $q.works
  WITH works_used, collect(named) AS named
  UNWIND works_used + named AS w
  WITH DISTINCT w
  OPTIONAL MATCH (:Entity)-[vw:VERSION_OF_WORK]->(w)
  WITH w, collect(vw) AS vws
  OPTIONAL MATCH (rv:Entity)-[rp:REPEALS]->(w)
  OPTIONAL MATCH (rv)-[h:VERSION_OF_WORK]->(heir:Entity)
  OPTIONAL MATCH (:Entity)-[hv:VERSION_OF_WORK]->(heir)
  RETURN collect(DISTINCT w) AS works, reduce(acc = [], x IN collect(vws) | acc + x)
         + collect(DISTINCT rp) + collect(DISTINCT h) + collect(DISTINCT hv) AS r7
}
// rule 5: the village, its ancestors and the bodies of each
CALL (gen) {
  OPTIONAL MATCH up = (v:Entity {_load: gen, id: $q.village})-[:WITHIN*0..4]->(a:Entity)
  OPTIONAL MATCH (a)<-[b:BODY_OF]-(:Entity)
  RETURN collect(DISTINCT a) AS places, reduce(acc = [], q IN collect(DISTINCT up) | acc + relationships(q))
         + collect(b) AS r8
}
WITH firsts + role_bases + works + places AS lone, rels + r4 + r5 + r6 + r7 + r8 AS rels
CALL (rels) {
  UNWIND rels AS r
  WITH DISTINCT r
  RETURN collect([type(r), startNode(r).id, endNode(r).id,
                  [k IN keys(r) WHERE NOT k IN $q.drop | [k, r[k]]]]) AS rel_rows,
         collect(startNode(r)) + collect(endNode(r)) AS ends
}
CALL (lone, ends) {
  UNWIND lone + ends AS n
  WITH DISTINCT n
  RETURN collect({id: n.id, label: n.label, props: properties(n)}) AS node_rows
}
RETURN node_rows, rel_rows
