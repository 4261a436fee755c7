// -Dnetlint.skip=true: netlint does not run, so the bad file does not fail the build.
def log = new File(basedir, 'build.log').text
boolean skipped = log.contains('netlint: skipped')
assert skipped
boolean noFinding = !log.contains('NL1')
assert noFinding
boolean passed = log.contains('BUILD SUCCESS')
assert passed
assert !new File(basedir, 'target/netlint').exists()
return true
