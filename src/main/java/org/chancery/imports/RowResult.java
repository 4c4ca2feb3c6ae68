package org.chancery.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a format finds while it works on a row: the facts it recorded or found, the flags that say
 * what it inferred; the outcome follows from them ({@link #report}).
 */
public final class RowResult {

    private final int line;
    private final List<FactRef> created = new ArrayList<>();
    private final List<FactRef> found = new ArrayList<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private boolean merged;
    private String detail;

    RowResult(int line) {
        this.line = line;
    }

    public int line() {
        return line;
    }

    /** A fact the row recorded. */
    public RowResult created(String kind, Object id) {
        created.add(FactRef.of(kind, id));
        return this;
    }

    /** A fact the row would record that was already recorded. */
    public RowResult found(String kind, Object id) {
        found.add(FactRef.of(kind, id));
        return this;
    }

    /**
     * Says what was inferred or is uncertain about the row ({@code INFERRED_SEVERANCE}, {@code APPROXIMATE_DATE}…):
     * one of {@link ImportFlags#KNOWN}.
     */
    public RowResult flag(String flag) {
        flags.add(ImportFlags.given(flag));
        return this;
    }

    /**
     * The row continues the fact of an earlier row, or adds to a fact recorded before (its closing, end or
     * achievement).
     */
    public RowResult merged() {
        merged = true;
        return this;
    }

    /** Whether the row has recorded or found no fact and says nothing yet: a {@code NO_FACT} that does not say why. */
    public boolean silent() {
        return created.isEmpty() && found.isEmpty() && detail == null;
    }

    /** A note for the report's detail. */
    public RowResult detail(String detail) {
        this.detail = detail;
        return this;
    }

    /** Whether the row recorded a fact so far (its outcome then IMPORTED, unless it is MERGED). */
    public boolean recordedAny() {
        return !created.isEmpty();
    }

    List<String> flags() {
        return List.copyOf(flags);
    }

    /**
     * The row's report: {@code MERGED} if it continues or adds to a fact recorded before; else {@code IMPORTED}
     * if it recorded a fact; else {@code ALREADY_PRESENT} if its facts were all there; else
     * {@code NO_FACT}.
     */
    RowReport report() {
        List<FactRef> facts = new ArrayList<>(created);
        facts.addAll(found);
        ImportOutcome outcome = merged ? ImportOutcome.MERGED
                : !created.isEmpty() ? ImportOutcome.IMPORTED
                : !found.isEmpty() ? ImportOutcome.ALREADY_PRESENT : ImportOutcome.NO_FACT;
        return new RowReport(line, outcome, null, detail, List.copyOf(flags), facts);
    }
}
