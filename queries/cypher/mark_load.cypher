// A load has finished: its token becomes the graph's version (see version.cypher). Its own
// transaction, run after the load's last commit returned.
MERGE (m:QingdanLoad {key: 'current'})
SET m.load = $load,
    m.finished = datetime()
