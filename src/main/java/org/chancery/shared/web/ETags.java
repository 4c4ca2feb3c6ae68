package org.chancery.shared.web;

import org.chancery.shared.VersionMismatchException;

/** Weak entity tags carrying a resource's version, and the {@code If-Match} check. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks an {@code If-Match} header (absent means "write anyway"), with the strong comparison
     * RFC 9110 asks for: a weak tag never matches.
     *
     * @return the version the client expects, or null if it named none
     * @throws VersionMismatchException if the header names no current version
     */
    public static Long expectedVersion(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return null;
            }
            if (t.startsWith("W/")) {
                continue;
            }
            t = t.replace("\"", "");
            if (t.equals(Long.toString(current))) {
                return current;
            }
        }
        throw new VersionMismatchException("If-Match " + ifMatch + " does not match the current version "
                + of(current) + ".");
    }
}
