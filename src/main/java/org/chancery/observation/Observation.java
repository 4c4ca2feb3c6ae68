package org.chancery.observation;

/**
 * In {@code year}, {@code sendingCountry} was represented in {@code receivingCountry} at
 * {@code level}, as {@code dataset} observed it (its own code {@code rawCode}, and its own codes of
 * the two states); recorded by the import {@code importId}, from its file's {@code line} (both null
 * for an observation recorded otherwise).
 */
public record Observation(long id, int year, String sendingCountry, String receivingCountry, ObservationLevel level,
        String rawCode, String dataset, String sendingDatasetCode, String receivingDatasetCode, Long importId,
        Integer line) {
}
