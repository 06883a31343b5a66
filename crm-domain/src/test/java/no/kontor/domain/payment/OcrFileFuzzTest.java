package no.kontor.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the bytes, {@link OcrFile#parse} returns a transmission or refuses the file with
 * an {@link OcrFileException} of a known code naming the line; nothing else escapes it. And
 * a valid file reads back as it was written.
 */
class OcrFileFuzzTest {
    private static final Set<String> CODES = Set.of(OcrFileException.EMPTY, OcrFileException.LINE_LENGTH,
            OcrFileException.STRUCTURE, OcrFileException.NUMBER_FORMAT, OcrFileException.DATE,
            OcrFileException.COUNT_MISMATCH, OcrFileException.TOTAL_MISMATCH);
    /** Characters that matter to the layout, Latin-1 letters and a byte no valid file holds. */
    private static final String INTERESTING = "0123456789 -NY\r\n\u00f8\u00c5\u0000\u00ff";

    @Property
    void arbitraryBytesAreReadOrRefused(@ForAll byte[] content) {
        Statistics.collect(readOrRefused(content));
    }

    @Property
    void arbitraryLinesOfEightyCharactersAreReadOrRefused(@ForAll("recordLikeLines") List<String> lines) {
        Statistics.collect(readOrRefused(OcrFileWriter.bytes(lines)));
    }

    @Property
    void aValidFileReadsBackAsWritten(@ForAll("transactions") List<Written> written, @ForAll boolean creditsAdded) {
        long deducted = written.stream().mapToLong(Written::amountOre).sum();
        Assume.that(creditsAdded || deducted >= 0);

        List<OcrTransaction> read = OcrFile.parse(writer(written, creditsAdded).bytes()).transactions();

        assertThat(read).hasSize(written.size());
        for (int i = 0; i < written.size(); i++) {
            Written expected = written.get(i);
            assertThat(read.get(i)).satisfies(transaction -> {
                assertThat(transaction.transactionType()).isEqualTo(expected.type());
                assertThat(transaction.amountOre()).isEqualTo(expected.amountOre());
                assertThat(transaction.kid()).isEqualTo(expected.kid().isBlank() ? null : expected.kid());
                assertThat(transaction.freeText()).isEqualTo(expected.type() == 20 || expected.type() == 21 ? expected.freeText().strip() : null);
            });
        }
    }

    @Property
    void mutatedValidFilesAreReadOrRefused(@ForAll("validFiles") byte[] file, @ForAll("mutations") List<Mutation> mutations) {
        Statistics.collect(readOrRefused(mutated(file, mutations)));
    }

    /** Replacing characters keeps every line 80 long, so the checks past the line length get their turn. */
    @Property
    void validFilesWithCharactersReplacedAreReadOrRefused(@ForAll("validFiles") byte[] file, @ForAll("replacements") List<Mutation> replacements) {
        Statistics.collect(readOrRefused(mutated(file, replacements)));
    }

    /** "read", or the code the file was refused with, after checking that refusal's code and message. */
    private static String readOrRefused(byte[] content) {
        try {
            assertThat(OcrFile.parse(content).assignments()).isNotNull();
            return "read";
        } catch (OcrFileException refused) {
            assertThat(refused.code()).isIn(CODES);
            assertThat(refused.getMessage()).matches("(?s)line \\d+: .+|the file is empty");
            return refused.code();
        }
    }

    private static byte[] mutated(byte[] file, List<Mutation> mutations) {
        byte[] mutated = file;
        for (Mutation mutation : mutations) {
            mutated = mutation.applyTo(mutated);
        }
        return mutated;
    }

    /** A transaction as written: type, signed amount, KID and free text. */
    record Written(int type, long amountOre, String kid, String freeText) {
    }

    @Provide
    Arbitrary<List<Written>> transactions() {
        Arbitrary<Written> transaction = Combinators.combine(
                Arbitraries.integers().between(10, 21),
                // at most eight 16-digit amounts, so that every total fits its 17 digits
                Arbitraries.longs().between(-9_999_999_999_999_999L, 9_999_999_999_999_999L),
                Arbitraries.strings().withChars("0123456789-").ofMaxLength(25),
                Arbitraries.strings().withChars("abcxyzæøåÆØÅ 0123456789.,-").ofMaxLength(40)
        ).as(Written::new);
        return transaction.list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<byte[]> validFiles() {
        return Combinators.combine(transactions(), Arbitraries.of(true, false),
                Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(25).list().ofMaxSize(3))
                .as((written, creditsAdded, mandates) -> {
                    OcrFileWriter writer = writer(written, creditsAdded || written.stream().mapToLong(Written::amountOre).sum() < 0);
                    return mandates.isEmpty() ? writer.bytes() : writer.mandateAssignment(mandates.toArray(String[]::new)).bytes();
                });
    }

    @Provide
    Arbitrary<List<String>> recordLikeLines() {
        Arbitrary<String> prefix = Arbitraries.of("NY000010", "NY090020", "NY091030", "NY091031", "NY092032", "NY090088",
                "NY212420", "NY219470", "NY212488", "NY000089", "NY092230");
        Arbitrary<String> rest = Arbitraries.strings().withChars("0000000000123456789 -").ofLength(72);
        return Combinators.combine(prefix, rest).as(String::concat).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return mutations(Arbitraries.of(Mutation.Kind.class));
    }

    @Provide
    Arbitrary<List<Mutation>> replacements() {
        return mutations(Arbitraries.just(Mutation.Kind.REPLACE));
    }

    private static Arbitrary<List<Mutation>> mutations(Arbitrary<Mutation.Kind> kinds) {
        Arbitrary<Byte> value = Arbitraries.oneOf(
                Arbitraries.of(INTERESTING.chars().mapToObj(c -> (byte) c).toList()),
                Arbitraries.bytes());
        return Combinators.combine(kinds, Arbitraries.integers().greaterOrEqual(0), value)
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
    }

    private static OcrFileWriter writer(List<Written> written, boolean creditsAdded) {
        OcrFileWriter writer = new OcrFileWriter().assignment();
        written.forEach(w -> writer.transaction(OcrFileWriter.transaction(w.type(), w.amountOre()).kid(w.kid()).freeText(w.freeText())));
        return creditsAdded ? writer.creditsAddedToTotals() : writer;
    }

    /** One change to a file's bytes at a position taken modulo its length. */
    record Mutation(Kind kind, int position, byte value) {
        enum Kind { REPLACE, INSERT, DELETE }

        byte[] applyTo(byte[] content) {
            int at = Math.floorMod(position, content.length + 1);
            if (kind == Kind.INSERT || content.length == 0) {
                byte[] inserted = new byte[content.length + 1];
                System.arraycopy(content, 0, inserted, 0, at);
                inserted[at] = value;
                System.arraycopy(content, at, inserted, at + 1, content.length - at);
                return inserted;
            }
            int existing = Math.min(at, content.length - 1);
            if (kind == Kind.REPLACE) {
                byte[] replaced = content.clone();
                replaced[existing] = value;
                return replaced;
            }
            byte[] deleted = new byte[content.length - 1];
            System.arraycopy(content, 0, deleted, 0, existing);
            System.arraycopy(content, existing + 1, deleted, existing, content.length - existing - 1);
            return deleted;
        }
    }
}
