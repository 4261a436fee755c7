// -Dnetlint.skip=true: netlint does not run, so the bad file does not fail the build.
def log = new File(basedir, 'build.log').text
assert log.contains('netlint: skipped')
assert !log.contains('NL1')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/netlint').exists()
return true
