package org.chancery.imports;

import java.util.List;

/**
 * What became of one input row: its outcome, for a rejected row the code and detail the API would
 * have answered, the flags that say what was inferred, and the facts it recorded or found.
 */
public record RowReport(int line, ImportOutcome outcome, String code, String detail, List<String> flags,
        List<FactRef> facts) {

    public RowReport {
        flags = List.copyOf(flags);
        facts = List.copyOf(facts);
    }

    public static RowReport rejected(int line, String code, String detail, List<String> flags) {
        return new RowReport(line, ImportOutcome.REJECTED, code, detail, flags, List.of());
    }
}
