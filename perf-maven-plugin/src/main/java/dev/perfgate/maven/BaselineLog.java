package dev.perfgate.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.perfgate.core.io.GitCommand;
import dev.perfgate.core.report.BaselineVersion;
import dev.perfgate.core.result.InvalidResultFileException;
import dev.perfgate.core.result.ResultFiles;

/**
 * The versions of a baseline file in the project's git history, newest first: each commit that
 * changed it, with the baseline as that commit left it. Outside git, or for a file never committed,
 * there is none. A version this perfgate cannot read (another schema) is left out.
 */
final class BaselineLog {

    /** The versions read per baseline: enough to see a drift, few enough to stay quick. */
    static final int MAX_VERSIONS = 20;

    private BaselineLog() {
    }

    static List<BaselineVersion> of(Path baselineFile) {
        Path folder = baselineFile.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        GitCommand git = new GitCommand(folder);
        String name = baselineFile.getFileName().toString();
        String log;
        try {
            log = git.run("log", "-n", String.valueOf(MAX_VERSIONS), "--format=%H %cI", "--", name);
        } catch (GitCommand.GitFailure notInGit) {
            return List.of();
        }
        List<BaselineVersion> versions = new ArrayList<>();
        for (String line : log.lines().toList()) {
            String[] commitAndDate = line.strip().split(" ", 2);
            if (commitAndDate.length != 2) {
                continue;
            }
            try {
                String text = git.run("show", commitAndDate[0] + ":./" + name);
                versions.add(new BaselineVersion(commitAndDate[0], commitAndDate[1], ResultFiles.parse(text, baselineFile)));
            } catch (GitCommand.GitFailure | InvalidResultFileException unreadable) {
                // deleted in that commit, or written by another perfgate: not a version this report can show
            }
        }
        return versions;
    }
}
