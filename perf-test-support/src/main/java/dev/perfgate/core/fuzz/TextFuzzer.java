package dev.perfgate.core.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Texts a person might type into an annotation attribute or a {@code -D} property: random strings
 * over the parser's own alphabet, and valid examples edited the way people slip (a character dropped,
 * doubled, replaced, a span cut or moved). Seeded, so a failing case is reproduced by rerunning.
 */
public final class TextFuzzer {

    private final Random random;
    private final String alphabet;
    private final List<String> examples;

    /**
     * @param seed     seed of every choice
     * @param alphabet characters the parser reads, plus a few it must refuse
     * @param examples valid texts to edit
     */
    public TextFuzzer(long seed, String alphabet, List<String> examples) {
        this.random = new Random(seed);
        this.alphabet = alphabet;
        this.examples = List.copyOf(examples);
    }

    /** {@code count} texts, half random, half edited examples (the examples themselves first). */
    public List<String> texts(int count) {
        List<String> texts = new ArrayList<>(examples);
        while (texts.size() < count) {
            texts.add(random.nextBoolean() ? randomText() : edit(examples.get(random.nextInt(examples.size()))));
        }
        return texts;
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(24);
        for (int i = 0; i < length; i++) {
            text.append(anyCharacter());
        }
        return text.toString();
    }

    private String edit(String example) {
        StringBuilder text = new StringBuilder(example);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(5)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, text.charAt(at));
                case 2 -> text.setCharAt(at, anyCharacter());
                case 3 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(6)));
                default -> {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(6));
                    String span = text.substring(at, end);
                    text.delete(at, end);
                    text.insert(random.nextInt(text.length() + 1), span);
                }
            }
        }
        return text.toString();
    }

    private char anyCharacter() {
        return random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
