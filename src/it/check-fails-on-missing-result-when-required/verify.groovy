def log = new File(basedir, 'build.log').text
def logShows = { pattern, what -> assert (log =~ pattern).find() : "build.log does not show ${what}" }

logShows(/ItemsLoadIT\.items\s+\(total\).*MISSING/, 'a MISSING row in the table')
logShows(/no result for ItemsLoadIT\.items although .*baselines has a baseline for it: was the test renamed, removed or skipped\?/,
        'the missing result named with what to check')
logShows(/BUILD FAILURE/, 'the build failing')
assert new File(basedir, 'baselines/ItemsLoadIT.items.json').isFile() : 'the baseline was touched'
return true
