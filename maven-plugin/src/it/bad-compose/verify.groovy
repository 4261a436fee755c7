// The build failed because of netlint's finding, which is in the log as [ERROR] path:line:col ...
def log = new File(basedir, 'build.log').text
assert log =~ /(?m)^\[ERROR\] compose\.yaml:9:\d+: error NL1\d\d \S/ : 'the host-bits finding on line 9 is logged at ERROR'
assert log.contains('netlint found problems at or above failOn=error')
assert log.contains('BUILD FAILURE')
assert new File(basedir, 'target/netlint/netlint.txt').text.contains('compose.yaml:9:')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netlint.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.any { it.ruleId ==~ /NL1\d\d/ && it.level == 'error' }
return true
