def log = new File(basedir, 'build.log').text
def logShows = { pattern, what -> assert (log =~ pattern).find() : "build.log does not show ${what}" }

logShows(/ItemsLoadIT\.items\s+item\s+p95 latency\s+.*-[0-9.]+ %\s+IMPROVED\s+p=/, 'an IMPROVED p95 row with its p-value')
logShows(/ItemsLoadIT\.items\s+item\s+throughput\s+.*\+[0-9.]+ %\s+IMPROVED\s+p=/, 'an IMPROVED throughput row')
logShows(/perfgate: no regression/, 'the gate passing')
assert !log.contains('REGRESSED') : 'an improvement was reported as a regression'
assert !log.contains('BUILD FAILURE') : 'a build failed'
assert new File(basedir, 'target/perf-report/summary.md').text.contains('IMPROVED') : 'summary.md lacks the improvement'
return true
