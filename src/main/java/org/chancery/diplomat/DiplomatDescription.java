package org.chancery.diplomat;

import java.util.List;

import org.chancery.shared.Source;

/**
 * What a write says about a diplomat: the country as the client sent it (alpha-2 or alpha-3, any
 * case), the title and organization they hold now, and the sources.
 */
public record DiplomatDescription(String name, String country, String title, String organization,
        List<Source> sources) {
}
