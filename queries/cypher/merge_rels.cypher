// Load one batch of relationships that all have one type; one per (src, type, dst).
// $rows: [{src: string, dst: string, props: map}]   $load: this load's token
//
// The relationship type is the only part of any qingdan query that is not a parameter: the
// store replaces REL_TYPE in the MERGE line with a type from the data that it has checked
// against ^[A-Z_]+$ (to paste this into Neo4j Browser, write the type there yourself).
// Why not a dynamic type, MERGE (a)-[r:$($type)]->(b)? Neo4j 5.26 plans that as a scan of
// ALL relationships for every row instead of an Expand(Into) between a and b.
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})
MATCH (b:Entity {id: row.dst})
MERGE (a)-[r:REL_TYPE]->(b)
SET r = row.props,
    r._load = $load
