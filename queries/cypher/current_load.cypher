// The token of the generation readers see, or null before the first load.
// (m['load'] rather than m.load: no warning from the server before the first marker exists)
OPTIONAL MATCH (m:QingdanLoad)
WHERE m['key'] = 'current'
RETURN m['load'] AS load
LIMIT 1
