import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def baseline = new File(basedir, 'baselines/ItemsLoadIT.items.json')
def result = new File(basedir, 'target/perf-results/ItemsLoadIT.items.json')

// Step 1 ran a real load test against the container and promoted its result.
assert log.contains('[perfgate] ItemsLoadIT.items PASSED')
assert log.contains('perfgate: baseline ItemsLoadIT.items (new)')
assert baseline.isFile()

// Step 2 failed the build in the gate, naming test, operation, metric and change.
assert log.contains('Performance regression beyond the tolerance')
assert log =~ /ItemsLoadIT\.items item: p95 latency [0-9.]+ ms -> [0-9.]+ ms \(\+[0-9.]+ %\)/
assert log =~ /ItemsLoadIT\.items\s+\(total\)\s+p95 latency\s+.*REGRESSED/
assert log.contains('mvn perf:baseline')
assert log.contains('BUILD FAILURE')

// The slow run's result is kept for inspection; the baseline is not touched by a failing gate.
def slow = new JsonSlurper().parse(result)
def fast = new JsonSlurper().parse(baseline)
assert slow.total.latencyMs.p95 > fast.total.latencyMs.p95 + 10
assert fast.total.latencyMs.p50 < 20
assert slow.total.latencyMs.p50 >= 25
return true
