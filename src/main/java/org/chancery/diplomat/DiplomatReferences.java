package org.chancery.diplomat;

import java.util.Optional;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * Facts in other modules that refer to diplomats (meetings, heads of mission): R21 refuses to
 * delete a diplomat while one of them does, and R13 to move a head of mission to another country.
 */
public interface DiplomatReferences {

    /** A description of one fact referring to the diplomat ("meeting 9 on 2024-05-22"), if any. */
    Optional<String> firstReferenceTo(long diplomatId);

    /**
     * A description of one fact that needs the diplomat to stay of their country (R13: a head of
     * mission is a diplomat of the sending country), if any.
     */
    default Optional<String> factFixingTheCountryOf(long diplomatId) {
        return Optional.empty();
    }

    /**
     * Locks what the facts that show the diplomat under a name of their own (a head of mission's) are changed
     * under, before the diplomat's row is locked — the order every write takes: a pair's row, its missions', then
     * a diplomat's — and gives what renames them once the diplomat's row is locked too, in the same transaction.
     */
    default Renaming lockForRenaming(long diplomatId) {
        return name -> {
        };
    }

    /** Gives the facts locked for a renaming the diplomat's new name. */
    @FunctionalInterface
    interface Renaming {

        /**
         * @throws RecordedMeanwhile if a fact showing the name was recorded after the locks were taken
         */
        void to(String name);
    }

    /** A fact showing the diplomat's name was recorded after a renaming took its locks: it takes them again. */
    final class RecordedMeanwhile extends ConcurrencyFailureException {

        public RecordedMeanwhile(String message) {
            super(message);
        }
    }
}
