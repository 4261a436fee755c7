// The build failed because of netlint's finding, which is in the log as [ERROR] path:line:col ...
// (Booleans first, so a failed assertion prints the finding's absence, not the whole log.)
def log = new File(basedir, 'build.log').text
boolean findingLogged = (log =~ /(?m)^\[ERROR\] compose\.yaml:9:\d+: error NL1\d\d \S/).find()
assert findingLogged : 'the host-bits finding on line 9 is logged as [ERROR] compose.yaml:9:COL: error NL1xx ...'
boolean failedByNetlint = log.contains('netlint found problems at or above failOn=error')
assert failedByNetlint
boolean buildFailed = log.contains('BUILD FAILURE')
assert buildFailed
def text = new File(basedir, 'target/netlint/netlint.txt').text
boolean reportHasIt = text.contains('compose.yaml:9:')
assert reportHasIt : 'the text report is written even though the build fails'
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/netlint.sarif'))
assert sarif.version == '2.1.0'
boolean sarifHasIt = sarif.runs[0].results.any { it.ruleId ==~ /NL1\d\d/ && it.level == 'error' }
assert sarifHasIt : 'the SARIF report has the NL1xx error'
return true
