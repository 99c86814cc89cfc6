import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// A short message instead of Groovy's rendering of the whole log on failure.
def logShows = { pattern, what -> assert (log =~ pattern).find() : "build.log does not show ${what}" }
def baseline = new File(basedir, 'baselines/ItemsLoadIT.items.json')
def result = new File(basedir, 'target/perf-results/ItemsLoadIT.items.json')

// Step 1 ran a real load test against the container and promoted its result.
logShows(/\[perfgate\] ItemsLoadIT\.items PASSED/, 'the load test passing')
logShows(/perfgate: baseline ItemsLoadIT\.items \(new\)/, 'the baseline being recorded')
assert baseline.isFile() : 'no baseline was written'

// Step 2 failed the build in the gate, naming test, operation, metric, values and change.
logShows(/Performance regression beyond the tolerance/, 'the regression verdict')
logShows(/ItemsLoadIT\.items item: p95 latency [0-9.]+ ms -> [0-9.]+ ms \(\+[0-9.]+ %, p=[0-9.e-]+\)/, 'the p95 change of operation item')
logShows(/ItemsLoadIT\.items\s+item\s+p95 latency\s+.*REGRESSED/, 'a REGRESSED p95 row in the table')
logShows(/accept it with: mvn perf:baseline/, 'how to accept the change')
logShows(/BUILD FAILURE/, 'the build failing')

// The reports are written although the gate failed.
def report = new File(basedir, 'target/perf-report')
assert new File(report, 'summary.md').text.contains('**REGRESSED**') : 'summary.md does not show the regression'
assert new File(report, 'junit.xml').text.contains('<failure message="ItemsLoadIT.items item: p95 latency') : 'junit.xml lacks the p95 failure'
assert new File(report, 'comparison.json').isFile() : 'no comparison.json'

// The slow run's result is kept for inspection; the baseline is not touched by a failing gate.
def slow = new JsonSlurper().parse(result)
def fast = new JsonSlurper().parse(baseline)
assert slow.total.latencyMs.p95 > fast.total.latencyMs.p95 + 10 : "p95 ${fast.total.latencyMs.p95} -> ${slow.total.latencyMs.p95}"
assert fast.total.latencyMs.p50 < 20 : "baseline p50 ${fast.total.latencyMs.p50}"
assert slow.total.latencyMs.p50 >= 25 : "slow p50 ${slow.total.latencyMs.p50}"
return true
