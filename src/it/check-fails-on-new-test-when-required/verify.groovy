def log = new File(basedir, 'build.log').text
def logShows = { pattern, what -> assert (log =~ pattern).find() : "build.log does not show ${what}" }

logShows(/ItemsLoadIT\.items\s+\(total\)\s+-.*NEW/, 'the NEW row')
logShows(/no baseline for ItemsLoadIT\.items in .*baselines; record one with: mvn perf:baseline/, 'the missing baseline and how to record it')
logShows(/MojoFailureException/, 'a verdict failure (MojoFailureException)')
assert new File(basedir, 'target/perf-report/summary.md').text.contains('**NEW** 1') : 'summary.md lacks the NEW test'
return true
