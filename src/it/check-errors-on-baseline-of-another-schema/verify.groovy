def log = new File(basedir, 'build.log').text
def logShows = { pattern, what -> assert (log =~ pattern).find() : "build.log does not show ${what}" }

logShows(/baselines\/ItemsLoadIT\.items\.json has schemaVersion 2, but this perfgate reads 1/, 'the baseline named with its version')
logShows(/re-record it with this version \(mvn perf:baseline after the tests\)/, 'what to do')
logShows(/MojoExecutionException/, 'a MojoExecutionException')
assert !log.contains('Performance regression') : 'a baseline of another schema was judged'
assert !log.contains('no regression') : 'a baseline of another schema passed'
return true
