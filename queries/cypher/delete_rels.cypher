// Delete these relationships (by element id) unless the load $load wrote them.
UNWIND $rids AS rid
MATCH ()-[r]->()
WHERE elementId(r) = rid AND (r._load IS NULL OR r._load <> $load)
DELETE r
