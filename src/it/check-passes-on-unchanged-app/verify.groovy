def log = new File(basedir, 'build.log').text
// A short message instead of Groovy's rendering of the whole log on failure.
def logShows = { pattern, what -> assert (log =~ pattern).find() : "build.log does not show ${what}" }

assert new File(basedir, 'baselines/ItemsLoadIT.items.json').isFile() : 'no baseline was written'
assert new File(basedir, 'target/perf-results/ItemsLoadIT.items.json').isFile() : 'no result was written'

// The second build compared the result with the baseline, metric by metric, and passed.
logShows(/perfgate: 1 load-test result\(s\) compared with .*baselines/, 'the comparison')
['p50 latency', 'p95 latency', 'throughput', 'error rate'].each { metric ->
    logShows(/ItemsLoadIT\.items\s+item\s+${metric}\s+.*(UNCHANGED|IMPROVED)/, "${metric} within the tolerance")
}
// p99 of a short run rests on too few requests to be gated: one row for the test says so, or it was gated.
logShows(/ItemsLoadIT\.items\s+item\s+p99 latency\s+.*(UNCHANGED|IMPROVED)|ItemsLoadIT\.items\s+\(total\)\s+-.*not gated.*p99 of item/,
        'the p99 row, or the row that says it was not gated')
assert !log.contains('REGRESSED') : 'a metric regressed in an unchanged app'
logShows(/perfgate: no regression/, 'the gate passing')
assert !log.contains('BUILD FAILURE') : 'a build failed'
return true
