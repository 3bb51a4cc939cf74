// Write one batch of relationships of the new generation, all of one type.
// $rows: [{a: element id, b: element id, props: map}]   $load: this load's token
// The ends are the nodes create_nodes.cypher just made, found by element id (no index lookup).
//
// The relationship type is the only part of any qingdan query that is not a parameter: the
// loader replaces REL_TYPE in the CREATE line with a type from the data that it has checked
// against ^[A-Z_]+$ (to paste this into Neo4j Browser, write the type there yourself).
// Why not a dynamic type, -[r:$($type)]->? Neo4j 5.26 plans a dynamic type in MERGE as a scan
// of all relationships per row; a fixed type keeps every plan plain.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
CREATE (a)-[r:REL_TYPE]->(b)
SET r = row.props,
    r._load = $load
