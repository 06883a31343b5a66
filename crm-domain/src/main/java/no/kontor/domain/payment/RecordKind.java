package no.kontor.domain.payment;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a record is, told by its first eight characters: {@code NY}, the service code, a
 * type and the record type (docs/norway.md#ocr-file). In a layout, {@code tt} stands for a
 * transaction type 10–21 and {@code .} for any character; a record is of the first kind
 * whose layout it matches.
 */
enum RecordKind {
    TRANSMISSION_START("transmission start", "NY000010"),
    ASSIGNMENT_START("assignment start", "NY090020"),
    AMOUNT_ITEM_1("amount item 1", "NY09tt30"),
    AMOUNT_ITEM_2("amount item 2", "NY09tt31"),
    AMOUNT_ITEM_3("amount item 3", "NY09tt32"),
    ASSIGNMENT_END("assignment end", "NY090088"),
    MANDATE_START("AvtaleGiro mandate assignment start", "NY212420"),
    MANDATE_END("AvtaleGiro mandate assignment end", "NY212488"),
    /** Any other AvtaleGiro record, such as a mandate ({@code NY219470}). */
    MANDATE_RECORD("AvtaleGiro record", "NY21...."),
    TRANSMISSION_END("transmission end", "NY000089");

    static final int PREFIX_LENGTH = 8;
    private static final String TRANSACTION_TYPE = "(1[0-9]|2[01])";

    private final String name;
    private final String layout;
    private final Pattern pattern;

    RecordKind(String name, String layout) {
        this.name = name;
        this.layout = layout;
        this.pattern = Pattern.compile(layout.replace("tt", TRANSACTION_TYPE), Pattern.DOTALL);
    }

    /** The kind of the record that begins with {@code prefix}, its first eight characters. */
    static Optional<RecordKind> of(String prefix) {
        return Arrays.stream(values()).filter(kind -> kind.pattern.matcher(prefix).matches()).findFirst();
    }

    /** For messages: {@code amount item 1 (NY09tt30)}. */
    String description() {
        return name + " (" + layout + ")";
    }
}
