// The build log holds the eight steps one after the other, each starting with Maven's "Scanning for
// projects" (a failed step's gate verdict comes after its BUILD FAILURE line, so that cannot split them).
def log = new File(basedir, 'build.log').text
def steps = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert steps.size() == 8 : "expected 8 builds in build.log, found ${steps.size()}"
def outcome = { step -> (step =~ /BUILD (SUCCESS|FAILURE)/)[0][1] }

// 1. The app as shipped: every operation's load test passed and became a baseline.
assert outcome(steps[0]) == 'SUCCESS'
['chat', 'food', 'reminders', 'xp'].each { op ->
    assert steps[0] =~ /perfgate: baseline OperationsLoadIT\.${op} \(new\)/ : "step 1 recorded no baseline for ${op}"
}

// 2-6. Each switch fails the gate, naming the operation it slows down and a latency metric of it.
def switches = [
        // Food's uncached lookup costs it about +40 %, inside the sample's 100 % tolerance: xp is what the gate must name.
        [step: 1, name: 'REGRESSION_CACHE_DISABLED', operations: ['xp']],
        [step: 2, name: 'REGRESSION_INDEX_DROPPED', operations: ['reminders']],
        [step: 3, name: 'REGRESSION_N_PLUS_ONE', operations: ['reminders']],
        [step: 4, name: 'REGRESSION_SLOW_SERIALIZATION', operations: ['xp']],
        [step: 5, name: 'REGRESSION_SYNCHRONIZED_LLM', operations: ['chat']],
]
switches.each { s ->
    def step = steps[s.step]
    assert outcome(step) == 'FAILURE' : "${s.name}: the build did not fail"
    assert step.contains('Performance regression beyond the tolerance') : "${s.name}: the build failed, but not in the gate"
    s.operations.each { op ->
        assert step =~ /OperationsLoadIT\.${op} ${op}: p(50|95|99) latency [0-9.]+ ms -> [0-9.]+ ms \(\+[0-9.]+ %, p=[0-9.e-]+\)/ :
                "${s.name}: the gate did not name a latency regression of ${op}"
    }
}

// 7. Side by side: decided on the pairs of this run (no baseline figures), failing on the reminders latency.
def sideBySide = steps[6]
assert outcome(sideBySide) == 'FAILURE' : 'side by side: the slower candidate did not fail the build'
assert sideBySide =~ /SideBySideLoadIT\.reminders ran side by side with its reference \(A: Dockerfile [^;]+; B: this build\), 8 pairs of 1s/ :
        'side by side: the gate did not decide on the pairs'
assert sideBySide =~ /SideBySideLoadIT\.reminders reminders: p50 latency [0-9.]+ ms -> [0-9.]+ ms \(\+[0-9.]+ %/ :
        'side by side: the gate did not name the reminders p50 latency'

// 8. The app as shipped again passes its gate.
assert outcome(steps[7]) == 'SUCCESS' : 'the untouched app failed its gate'
assert steps[7].contains('perfgate: no regression') : 'the untouched run was not gated'
return true
