package org.chancery.diplomat;

import java.util.Optional;

/**
 * Facts in other modules that refer to diplomats (meetings, heads of mission): R21 refuses to
 * delete a diplomat while one of them does.
 */
public interface DiplomatReferences {

    /** A description of one fact referring to the diplomat ("meeting 9 on 2024-05-22"), if any. */
    Optional<String> firstReferenceTo(long diplomatId);
}
