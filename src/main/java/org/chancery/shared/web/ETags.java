package org.chancery.shared.web;

/** Strong entity tags carrying a resource's version; {@code If-Match} is read by {@link org.chancery.shared.VersionPrecondition}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }
}
