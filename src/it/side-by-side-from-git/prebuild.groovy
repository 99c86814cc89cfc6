// Makes the project a git repository of two commits: the service as it was (0 ms of extra work per
// greeting), then the change under test (5 ms, as pom.xml holds it).
def git = { String... args ->
    def process = (['git', '-c', 'user.name=perfgate', '-c', 'user.email=perfgate@example.com'] + args.toList())
            .execute(null, basedir)
    def output = new StringBuilder()
    process.consumeProcessOutput(output, output)
    assert process.waitFor() == 0 : "git ${args.join(' ')}: ${output}"
}
if (new File(basedir, '.git').exists()) {
    return true
}
def pom = new File(basedir, 'pom.xml')
def changed = pom.text
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
git 'init', '-q'
pom.text = changed.replace('<greeting.workMs>5</greeting.workMs>', '<greeting.workMs>0</greeting.workMs>')
git 'add', '-A'
git 'commit', '-q', '-m', 'Greeting service'
pom.text = changed
git 'commit', '-q', '-a', '-m', 'Greet with 5 ms more work'
return true
