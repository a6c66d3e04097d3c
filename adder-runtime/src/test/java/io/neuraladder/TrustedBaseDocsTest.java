package io.neuraladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neuraladder.api.Overflow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/certification.md tells a reader how much code to trust, file by file: each line count it
 * gives must be the file's as it is, so that the trusted base it lists is the one that ships.
 */
class TrustedBaseDocsTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DOC = ROOT.resolve("docs/certification.md");
    private static final List<Path> SOURCES = List.of(ROOT.resolve("adder-api/src/main/java"),
            ROOT.resolve("adder-runtime/src/main/java"));

    private static final Pattern JAVA_FILE = Pattern.compile("`(?:[\\w./-]*/)?(\\w+\\.java)`");
    private static final Pattern TABLE_COUNTS = Pattern.compile("\\d+(?: \\+ \\d+)*");
    private static final Pattern TOTAL = Pattern.compile("\\(([\\d,]+) lines in all");
    private static final String TABLE_HEADER = "| package | file | lines |";
    private static final Pattern PROSE_COUNT = Pattern.compile("`(?:[\\w./-]*/)?(\\w+\\.java)`,? \\(?(\\d+) lines");

    @Test
    void everyLineCountInTheTrustedBase_isTheFilesOwn() throws IOException {
        Map<String, Integer> stated = statedCounts(Files.readString(DOC));
        assertTrue(stated.size() >= 15, "the doc's counts were not all found: " + stated);
        List<String> wrong = new ArrayList<>();
        stated.forEach((files, count) -> {
            int actual = Stream.of(files.split("\\+")).mapToInt(TrustedBaseDocsTest::lines).sum();
            if (actual != count) {
                wrong.add(files + ": the doc says " + count + ", the files have " + actual);
            }
        });
        assertEquals(List.of(), wrong, "update docs/certification.md");
    }

    @Test
    void aStaleCount_isCaught() {
        Map<String, Integer> stated = statedCounts("| **`proof`** | `Outward.java` | 1 | the bounds |\n"
                + "The wiring lives in `api/Overflow.java` (2 lines: the sign tests).");
        assertEquals(Map.of("Outward.java", 1, "Overflow.java", 2), stated);
        assertFalse(lines("Outward.java") == 1 || lines("Overflow.java") == 2);
    }

    @Test
    void theTrustedBasesTotal_isItsTablesSum() throws IOException {
        String doc = Files.readString(DOC);
        assertEquals(tableSum(doc), statedTotal(doc), "update the total in docs/certification.md");
    }

    @Test
    void aStaleTotal_isCaught() {
        String doc = "It is here (10 lines in all, comments included):\n\n" + TABLE_HEADER + " what |\n|---|---|---:|---|\n"
                + "| **`proof`** | `A.java` | 4 | x |\n|  | `B.java` | 5 | y |\n\nAfter the table.\n";
        assertEquals(10, statedTotal(doc));
        assertEquals(9, tableSum(doc));
    }

    /** The total the text gives the trusted base. */
    private static int statedTotal(String doc) {
        Matcher total = TOTAL.matcher(doc);
        assertTrue(total.find(), "the doc states no total");
        return Integer.parseInt(total.group(1).replace(",", ""));
    }

    /** The sum of the line counts in the trusted base's table, the first under {@link #TABLE_HEADER}. */
    private static int tableSum(String doc) {
        int sum = 0;
        for (String line : doc.substring(doc.indexOf(TABLE_HEADER)).split("\n")) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|");
            if (cells.length > 3 && cells[3].trim().matches("\\d+")) {
                sum += Integer.parseInt(cells[3].trim());
            }
        }
        return sum;
    }

    /** Each file (or files joined by {@code +}, counted together) with the count the text gives it. */
    private static Map<String, Integer> statedCounts(String text) {
        Map<String, Integer> stated = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] cells = line.split("\\|");
            int column = countColumn(cells);
            if (line.startsWith("|") && column > 0) {
                List<String> files = new ArrayList<>();
                Matcher file = JAVA_FILE.matcher(cells[column - 1]);
                while (file.find()) {
                    files.add(file.group(1));
                }
                String[] counts = cells[column].trim().split(" \\+ ");
                if (files.isEmpty()) {
                    continue;
                }
                if (counts.length == files.size()) {
                    for (int k = 0; k < counts.length; k++) {
                        stated.put(files.get(k), Integer.parseInt(counts[k]));
                    }
                } else {
                    stated.put(String.join("+", files), Integer.parseInt(counts[0]));
                }
            }
        }
        Matcher prose = PROSE_COUNT.matcher(text.replace('\n', ' '));
        while (prose.find()) {
            stated.put(prose.group(1), Integer.parseInt(prose.group(2)));
        }
        return stated;
    }

    /** The first cell of a table row that holds line counts, after a cell naming files; 0 when there is none. */
    private static int countColumn(String[] cells) {
        for (int k = 2; k < cells.length; k++) {
            if (TABLE_COUNTS.matcher(cells[k].trim()).matches() && JAVA_FILE.matcher(cells[k - 1]).find()) {
                return k;
            }
        }
        return 0;
    }

    private static int lines(String fileName) {
        List<Path> found = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.getFileName().toString().equals(fileName)).forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertEquals(1, found.size(), fileName + " should name exactly one source file: " + found);
        try {
            return Files.readAllLines(found.get(0)).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
