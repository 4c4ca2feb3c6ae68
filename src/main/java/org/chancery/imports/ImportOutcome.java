package org.chancery.imports;

import io.swagger.v3.oas.annotations.media.Schema;

/** What became of one input row. */
@Schema(enumAsRef = true)
public enum ImportOutcome {
    /** The row's facts were recorded. */
    IMPORTED,
    /**
     * The row continues the fact of an earlier row (or repeats what an earlier row recorded), or adds to a fact
     * recorded before (its closing, end or achievement), citing the row.
     */
    MERGED,
    /** Every fact of the row was already recorded (a file imported again). */
    ALREADY_PRESENT,
    /** The row records no fact (nothing to record, or what is needed to record it is not known). */
    NO_FACT,
    /** The row breaks a rule or is malformed; it changed nothing. */
    REJECTED
}
