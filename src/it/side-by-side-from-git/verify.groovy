def log = new File(basedir, 'build.log').text
// The two builds, in order: each starts with Maven's first line.
def builds = log.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('BUILD ') }
assert builds.size() == 2 : "expected 2 builds in build.log, found ${builds.size()}"
def shows = { int step, pattern, what ->
    assert (builds[step - 1] =~ pattern).find() : "build ${step} does not show ${what}"
}

// 1. perfgate checks HEAD~1 out and builds it, then the gate fails naming the operation.
shows(1, /\[perfgate\] reference: building [0-9a-f]{7} in .*references.*: mvn -B package -DskipTests/, 'the reference being built')
shows(1, /\[perfgate\] reference: built [0-9a-f]{7} in \d+s/, 'the reference built')
shows(1, /side by side with git HEAD~1 \([0-9a-f]{7}\), jar target\/greeting-service-0\.0\.1-SNAPSHOT\.jar/, 'the reference named in the summary')
shows(1, /GreetingSideBySideIT\.greeting\s+greeting\s+p50 latency .*REGRESSED/, 'the operation that regressed')
shows(1, /BUILD FAILURE/, 'the build failing')
// 2. Unchanged against the same reference: reused, not rebuilt, and the gate passes.
shows(2, /\[perfgate\] reference: reusing the build of [0-9a-f]{7}/, 'the reference being reused')
assert !(builds[1] =~ /reference: building/).find() : 'build 2 built the reference again'
shows(2, /perfgate: no regression/, 'the gate passing')
shows(2, /BUILD SUCCESS/, 'the second build passing')

// The user's checkout is untouched: still on its branch, its change still there.
def head = ['git', 'status', '--porcelain', '--untracked-files=no'].execute(null, basedir).text
assert head.trim().isEmpty() : "the project's checkout changed: ${head}"
return true
