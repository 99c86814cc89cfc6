def log = new File(basedir, 'build.log').text
// A short message instead of Groovy's rendering of the whole log on failure.
def logShows = { pattern, what -> assert (log =~ pattern).find() : "build.log does not show ${what}" }

// Step 1 ran JMH for real and promoted its result to a benchmark baseline.
logShows(/Benchmark result is saved to .*jmh-result\.json/, 'JMH writing its JSON results')
logShows(/perfgate: baseline ChecksumBenchmark\.checksum \(new\)/, 'the benchmark baseline being recorded')
def baseline = new File(basedir, 'baselines/jmh/ChecksumBenchmark.checksum.json')
assert baseline.isFile() : 'no benchmark baseline was written'
assert baseline.text.contains('"rawData"') : 'the baseline does not keep the iterations'

// Step 2 failed the build in the gate, naming the benchmark, its mode and the score's change.
logShows(/Performance regression beyond the tolerance/, 'the regression verdict')
logShows(/ChecksumBenchmark\.checksum avgt: score [0-9.,]+ us\/op -> [0-9.,]+ us\/op \(\+[0-9.]+ %, p=[0-9.e-]+\)/, 'the score change')
logShows(/ChecksumBenchmark\.checksum\s+avgt\s+score\s+.*REGRESSED/, 'a REGRESSED row in the table')
logShows(/BUILD FAILURE/, 'the build failing')
assert new File(basedir, 'target/jmh-result.json').isFile() : 'the slow run\'s JMH results were not kept'
return true
