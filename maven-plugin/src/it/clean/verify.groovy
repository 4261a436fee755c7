// Two clean compose files (one in a subdirectory, docker-compose.*.yml): linted, nothing found.
def log = new File(basedir, 'build.log').text
boolean summary = log.contains('netlint: 2 file(s), 0 error(s), 0 warning(s), 0 note(s)')
assert summary : 'both compose files were linted and nothing was found'
boolean noFinding = !(log =~ /(?m)^\[(ERROR|WARNING)\] .*compose/).find()
assert noFinding : 'no finding logged'
boolean passed = log.contains('BUILD SUCCESS')
assert passed
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netlint/netlint.json'))
assert report.findings == [] && report.errors == []
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netlint.sarif'))
assert sarif.version == '2.1.0' && sarif.runs[0].results == []
return true
