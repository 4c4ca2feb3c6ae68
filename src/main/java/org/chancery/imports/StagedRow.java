package org.chancery.imports;

/** An input row a format keeps while its job runs, to process it in the order of its sort key. */
public record StagedRow(String sortKey, int line, String payload) {
}
