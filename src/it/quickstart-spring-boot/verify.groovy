import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// The five builds, in order: each starts with Maven's first line.
def builds = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD ') }
assert builds.size() == 5 : "expected 5 builds in build.log, found ${builds.size()}"
def shows = { int step, pattern, what ->
    assert (builds[step - 1] =~ pattern).find() : "build ${step} does not show ${what}"
}
def count = { String text, pattern -> (text =~ pattern).size() }

// Spring Boot's parent binds failsafe too: with the README's plugin block the load test still runs exactly
// once per `verify`, in one failsafe execution.
[1, 3, 5].each { step ->
    assert count(builds[step - 1], /\[perfgate\] GreetingLoadIT\.greeting (PASSED|FAILED)/) == 1 :
            "build ${step} ran the load test ${count(builds[step - 1], /\[perfgate\] GreetingLoadIT\.greeting (PASSED|FAILED)/)} times"
    assert count(builds[step - 1], /--- failsafe:[^ ]+:integration-test /) == 1 : "build ${step}: failsafe's integration-test ran more than once"
    shows(step, /\[perfgate\] GreetingLoadIT\.greeting PASSED: 8 users thinking 10ms/, 'the load test passing with the README\'s load')
}

// 1. No baseline yet: NEW, and the build passes.
shows(1, /GreetingLoadIT\.greeting\s+.*NEW/, 'the test as NEW')
shows(1, /BUILD SUCCESS/, 'the first build passing')
// 2. The baseline is recorded.
shows(2, /perfgate: baseline GreetingLoadIT\.greeting \(new\)/, 'the baseline being recorded')
// 3. The slowdown fails the build, naming the test and the operation.
shows(3, /Performance regression beyond the tolerance/, 'the regression verdict')
shows(3, /GreetingLoadIT\.greeting greeting: (p50 latency|p95 latency|throughput) /, 'the operation that regressed')
shows(3, /accept it with: mvn perf:baseline/, 'how to accept the change')
shows(3, /BUILD FAILURE/, 'the build failing')
// 4. The slow result becomes the baseline.
shows(4, /(?m)perfgate: baseline GreetingLoadIT\.greeting$/, 'the baseline being replaced')
// 5. The same slow version now passes against its own baseline.
shows(5, /perfgate: no regression/, 'the gate passing')
shows(5, /BUILD SUCCESS/, 'the last build passing')

def baseline = new JsonSlurper().parse(new File(basedir, 'baselines/GreetingLoadIT.greeting.json'))
assert baseline.total.latencyMs.p50 >= 5 : "the accepted baseline's p50 ${baseline.total.latencyMs.p50} ms is not the slow version's"
return true
