package dev.perfgate.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.perfgate.core.engine.Scenario;

/** Records from lists and CSV files, per user and per iteration, and CSV files that cannot be used. */
class FeederTest {

    @TempDir
    Path folder;

    private static final List<Map<String, String>> THREE = List.of(Map.of("name", "ada"), Map.of("name", "bob"), Map.of("name", "cy"));

    /** The {@code name} field each (user, iteration) saw, users taking turns. */
    private static List<String> seen(Feeder feeder, int users, int iterations) throws Exception {
        List<String> names = new ArrayList<>();
        Scenario scenario = feeder.feeding(user -> names.add(user.id() + ":" + user.data("name")));
        List<TestUser> all = new ArrayList<>();
        for (int id = 1; id <= users; id++) {
            all.add(new TestUser(id));
        }
        for (int i = 0; i < iterations; i++) {
            for (TestUser user : all) {
                user.iterate(scenario);
            }
        }
        return names;
    }

    @Test
    void perUserEachUserKeepsItsRecordCircularly() throws Exception {
        assertThat(seen(Feeder.of(THREE), 4, 2)).containsExactly("1:ada", "2:bob", "3:cy", "4:ada", "1:ada", "2:bob", "3:cy", "4:ada");
    }

    @Test
    void perIterationEveryIterationTakesTheNextRecordCircularly() throws Exception {
        assertThat(seen(Feeder.of(THREE).perIteration(), 2, 2)).containsExactly("1:ada", "2:bob", "1:cy", "2:ada");
    }

    @Test
    void csvHeaderNamesTheFieldsAndQuotedValuesMayHoldCommasAndQuotes() throws Exception {
        Path csv = write("users.csv", "\uFEFFname,motto\nada,\"first, programmer\"\n\nbob,\"say \"\"hi\"\"\"\n");
        Feeder feeder = Feeder.csv(csv);
        assertThat(feeder.size()).isEqualTo(2);
        List<Map<String, String>> data = new ArrayList<>();
        Scenario scenario = feeder.feeding(user -> data.add(user.data()));
        new TestUser(1).iterate(scenario);
        new TestUser(2).iterate(scenario);
        assertThat(data).containsExactly(Map.of("name", "ada", "motto", "first, programmer"), Map.of("name", "bob", "motto", "say \"hi\""));
    }

    @Test
    void aMissingFieldIsNamedWithTheFieldsTheRecordHas() {
        Scenario scenario = Feeder.of(THREE).feeding(user -> user.data("email"));
        assertThatThrownBy(() -> new TestUser(1).iterate(scenario)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no data field 'email'").hasMessageContaining("[name]");
        assertThatThrownBy(() -> new TestUser(1).iterate(user -> user.data("email"))).hasMessageContaining("is a feeder set?");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = folder.resolve("nope.csv");
        assertThatThrownBy(() -> Feeder.csv(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feeder file " + missing.toAbsolutePath()).hasMessageContaining("does not exist");
    }

    @Test
    void emptyFileAndHeaderWithoutRecordsAreNamed() throws IOException {
        Path empty = write("empty.csv", "\n  \n");
        assertThatThrownBy(() -> Feeder.csv(empty)).hasMessageContaining(empty.toString()).hasMessageContaining("is empty");
        Path headerOnly = write("header.csv", "name,email\n");
        assertThatThrownBy(() -> Feeder.csv(headerOnly)).hasMessageContaining(headerOnly.toString())
                .hasMessageContaining("has a header (name,email) but no record");
    }

    @Test
    void raggedLineIsNamedWithItsNumberAndTheHeader() throws IOException {
        Path ragged = write("ragged.csv", "name,email\nada,ada@example.com\n\nbob\n");
        assertThatThrownBy(() -> Feeder.csv(ragged))
                .hasMessage("feeder file " + ragged + " line 4: 1 value(s), but the header (line 1) names 2 field(s): name,email");
    }

    @Test
    void unclosedQuoteAndNamelessOrRepeatedHeaderFieldsAreNamed() throws IOException {
        Path unclosed = write("quote.csv", "name\n\"ada\n");
        assertThatThrownBy(() -> Feeder.csv(unclosed)).hasMessageContaining(unclosed + " line 2: the quote at column 1 is not closed");
        Path nameless = write("nameless.csv", "name,,email\n");
        assertThatThrownBy(() -> Feeder.csv(nameless)).hasMessageContaining(nameless + " line 1: field 2 of the header has no name");
        Path twice = write("twice.csv", "name,name\na,b\n");
        assertThatThrownBy(() -> Feeder.csv(twice)).hasMessageContaining("names field 'name' twice");
    }

    @Test
    void emptyListIsRefused() {
        assertThatThrownBy(() -> Feeder.of(List.of())).hasMessageContaining("no record given");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8).toAbsolutePath().normalize();
    }
}
