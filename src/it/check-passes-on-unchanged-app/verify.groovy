def log = new File(basedir, 'build.log').text

assert new File(basedir, 'baselines/ItemsLoadIT.items.json').isFile()
assert new File(basedir, 'target/perf-results/ItemsLoadIT.items.json').isFile()

// The second build compared the result with the baseline, metric by metric, and passed.
assert log =~ /perfgate: 1 result\(s\) compared with .*baselines/
['p95 latency', 'p99 latency', 'throughput', 'error rate'].each { metric ->
    assert log =~ /ItemsLoadIT\.items\s+\(total\)\s+${metric}\s+.*(UNCHANGED|IMPROVED)/
}
assert !log.contains('REGRESSED')
assert log.contains('perfgate: no regression')
assert !log.contains('BUILD FAILURE')
return true
