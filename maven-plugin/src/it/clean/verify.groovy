// Two clean compose files (one in a subdirectory, docker-compose.*.yml): linted, nothing found.
def log = new File(basedir, 'build.log').text
assert log.contains('netlint: 2 file(s), 0 error(s), 0 warning(s), 0 note(s)')
assert !(log =~ /(?m)^\[(ERROR|WARNING)\] .*compose/)
assert log.contains('BUILD SUCCESS')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netlint/netlint.json'))
assert report.findings == [] && report.errors == []
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netlint.sarif'))
assert sarif.version == '2.1.0' && sarif.runs[0].results == []
return true
