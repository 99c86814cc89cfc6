package dev.perfgate.junit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.ResultFiles;
import dev.perfgate.core.result.ResultStatus;

class TestIdClaimsTest {

    @TempDir
    Path results;

    /** Two classes of one simple name, as two packages would hold them. */
    static class Shop {
        static class SearchLoadIT {
        }
    }

    static class Catalog {
        static class SearchLoadIT {
        }
    }

    @AfterEach
    void forget() {
        TestIdClaims.forgetClaims();
    }

    @Test
    void aSecondClassClaimingAnIdIsRefusedWithTheIdToGiveIt() {
        TestIdClaims.claim("SearchLoadIT.search", Shop.SearchLoadIT.class, results);
        assertThatCode(() -> TestIdClaims.claim("SearchLoadIT.search", Shop.SearchLoadIT.class, results)).doesNotThrowAnyException();

        assertThatThrownBy(() -> TestIdClaims.claim("SearchLoadIT.search", Catalog.SearchLoadIT.class, results))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@LoadTest in " + Catalog.SearchLoadIT.class.getName() + ": its test id 'SearchLoadIT.search' is taken by "
                        + Shop.SearchLoadIT.class.getName() + " in this build")
                .hasMessageContaining(results.resolve("SearchLoadIT.search.json").toString())
                .hasMessageContaining("@LoadTest(id = \"junit.SearchLoadIT.search\")");
    }

    @Test
    void aResultAnotherClassWroteInThisBuildIsACollisionAndAnOlderOneIsNot() throws Exception {
        Path file = ResultFiles.write(results, result("SearchLoadIT.search").withTestClass(Shop.SearchLoadIT.class.getName()));

        assertThatThrownBy(() -> TestIdClaims.claim("SearchLoadIT.search", Catalog.SearchLoadIT.class, results))
                .hasMessageContaining("is taken by " + Shop.SearchLoadIT.class.getName());

        TestIdClaims.forgetClaims();
        Files.setLastModifiedTime(file, FileTime.fromMillis(ManagementFactory.getRuntimeMXBean().getStartTime() - 60_000));
        assertThatCode(() -> TestIdClaims.claim("SearchLoadIT.search", Catalog.SearchLoadIT.class, results)).doesNotThrowAnyException();
    }

    @Test
    void aResultWithoutItsClassIsNoEvidence() throws Exception {
        ResultFiles.write(results, result("SearchLoadIT.search"));

        assertThatCode(() -> TestIdClaims.claim("SearchLoadIT.search", Catalog.SearchLoadIT.class, results)).doesNotThrowAnyException();
    }

    private static LoadTestResult result(String testId) {
        return new LoadTestResult(LoadTestResult.SCHEMA_VERSION, testId, ResultStatus.PASSED, null, "2026-12-05T10:00:00Z", null, null,
                null, null, java.util.Map.of(), null, null);
    }
}
