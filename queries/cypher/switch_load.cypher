// The switch: from this transaction's commit on, every reader follows the new generation.
// One node, one property: the only write a reader can see, all at once.
MERGE (m:QingdanLoad {key: 'current'})
SET m.previous = m.load,
    m.load = $load,
    m.finished = datetime()
RETURN m.load AS load
