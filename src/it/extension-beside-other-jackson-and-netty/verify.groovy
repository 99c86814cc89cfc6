def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/perf-results/ItemsLoadIT.items.json').isFile() : 'no result was written'
assert log.contains('own Jackson 2.17.2 read the result of ItemsLoadIT.items') : 'build.log does not show the project\'s Jackson reading the result'
assert log.contains('BUILD SUCCESS') : 'the build did not succeed'

// Nothing of perfgate's own libraries reached the user's test classpath: only the project's Jackson,
// no Netty, no HdrHistogram.
def classpath = new File(basedir, 'target/test-classpath.txt').text.split(File.pathSeparator).collect { new File(it).name }
def jackson = classpath.findAll { it.startsWith('jackson-') }
assert jackson.every { it.contains('2.17.2') || it.startsWith('jackson-annotations-2.17') } : "perfgate's Jackson on the test classpath: ${jackson}"
assert !classpath.any { it.startsWith('netty-') } : "Netty on the test classpath: ${classpath.findAll { it.startsWith('netty-') }}"
assert !classpath.any { it.startsWith('HdrHistogram') } : "HdrHistogram on the test classpath: ${classpath.findAll { it.startsWith('HdrHistogram') }}"
return true
