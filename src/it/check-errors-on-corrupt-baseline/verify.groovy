def log = new File(basedir, 'build.log').text
def logShows = { pattern, what -> assert (log =~ pattern).find() : "build.log does not show ${what}" }

logShows(/baselines\/ItemsLoadIT\.items\.json is not valid JSON/, 'the corrupt baseline named with the problem')
logShows(/run the load test again, or restore the file from version control/, 'what to do')
// A BUILD ERROR (the file cannot be read), not a performance verdict.
logShows(/MojoExecutionException/, 'a MojoExecutionException')
assert !log.contains('Performance regression') : 'a corrupt baseline was judged as a regression'
assert !log.contains('no regression') : 'a corrupt baseline passed'
return true
