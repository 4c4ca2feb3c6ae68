package org.chancery.diplomat;

import java.util.Optional;

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
     * Locks the rows of the facts that show the diplomat under a name of their own (a head of mission's), before
     * the diplomat's row is locked: the order every write takes, a fact's rows before its diplomat's.
     */
    default void lockCopiesOfTheName(long diplomatId) {
    }

    /** Gives the facts that show the diplomat under a name of their own the new name, in the renaming transaction. */
    default void renamed(long diplomatId, String name) {
    }
}
