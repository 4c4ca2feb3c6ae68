package org.chancery.shared.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The mappings a request path can match, found by the path's first two segments. A path pattern can
 * only match a path whose segments equal its literal segments, so a mapping is filed under the
 * literal segments its patterns begin with (at most two: {@code /api/countries/{code}} under
 * {@code api/countries}, {@code /admin/**} under {@code admin}, {@code /{*path}} under none), and the
 * candidates of {@code /api/countries/FR} are the mappings filed under {@code api/countries},
 * {@code api} and none: a handful of the application's seventy instead of all of them.
 *
 * <p>Paths whose segments a pattern would not compare as written, those with a {@code %} escape
 * or a {@code ;} parameter, have no candidates here ({@code null}): every mapping is tested, as
 * Spring does. So do all paths where patterns ignore case ({@link #everyMapping()}).
 */
final class RouteIndex {

    private static final String NONE = "";
    private static final int DEPTH = 2;
    private static final RouteIndex EVERY_MAPPING = new RouteIndex(null);

    /** Candidates by the literal prefix a path begins with ("", "api", "api/countries"), unions included. */
    private final Map<String, Set<RequestMappingInfo>> candidates;

    private RouteIndex(Map<String, Set<RequestMappingInfo>> candidates) {
        this.candidates = candidates;
    }

    /** The index of mappings whose patterns compare segments as written (case-sensitive). */
    static RouteIndex of(Collection<RequestMappingInfo> mappings) {
        Map<String, List<RequestMappingInfo>> filed = new HashMap<>();
        for (RequestMappingInfo mapping : mappings) {
            for (String prefix : prefixes(mapping)) {
                filed.computeIfAbsent(prefix, key -> new ArrayList<>()).add(mapping);
            }
        }
        Map<String, Set<RequestMappingInfo>> candidates = new HashMap<>();
        for (String prefix : filed.keySet()) {
            Set<RequestMappingInfo> union = Collections.newSetFromMap(new IdentityHashMap<>());
            union.addAll(filed.getOrDefault(NONE, List.of()));
            int slash = prefix.indexOf('/');
            if (slash > 0) {
                union.addAll(filed.getOrDefault(prefix.substring(0, slash), List.of()));
            }
            union.addAll(filed.get(prefix));
            candidates.put(prefix, Collections.unmodifiableSet(union));
        }
        candidates.computeIfAbsent(NONE, key -> Set.of());
        // a first segment filed only with a second one ("admin" of "/admin/x") stands for the none-prefixed mappings
        for (String prefix : filed.keySet()) {
            int slash = prefix.indexOf('/');
            if (slash > 0) {
                candidates.putIfAbsent(prefix.substring(0, slash), candidates.get(NONE));
            }
        }
        return new RouteIndex(Map.copyOf(candidates));
    }

    /** An index that leaves every path to every mapping: for patterns that ignore case. */
    static RouteIndex everyMapping() {
        return EVERY_MAPPING;
    }

    /**
     * The mappings that can match the path (as a request's lookup path: {@code /api/countries/FR}),
     * a set compared by identity; {@code null} when every mapping has to be tested.
     */
    Set<RequestMappingInfo> candidates(String path) {
        if (candidates == null || path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
            return null;
        }
        int start = path.startsWith("/") ? 1 : 0;
        int first = end(path, start);
        if (first == start) {
            return candidates.get(NONE);
        }
        if (first < path.length()) {
            int second = end(path, first + 1);
            if (second > first + 1) {
                Set<RequestMappingInfo> found = candidates.get(path.substring(start, second));
                if (found != null) {
                    return found;
                }
            }
        }
        Set<RequestMappingInfo> found = candidates.get(path.substring(start, first));
        return found != null ? found : candidates.get(NONE);
    }

    private static int end(String path, int from) {
        int slash = path.indexOf('/', from);
        return slash < 0 ? path.length() : slash;
    }

    /** The literal segments each pattern of the mapping begins with, at most two, joined by "/". */
    private static List<String> prefixes(RequestMappingInfo mapping) {
        PathPatternsRequestCondition paths = mapping.getPathPatternsCondition();
        if (paths == null) {
            return List.of(NONE);
        }
        List<String> prefixes = new ArrayList<>();
        for (PathPattern pattern : paths.getPatterns()) {
            prefixes.add(literalPrefix(pattern.getPatternString()));
        }
        return prefixes.isEmpty() ? List.of(NONE) : prefixes;
    }

    static String literalPrefix(String pattern) {
        String[] segments = (pattern.startsWith("/") ? pattern.substring(1) : pattern).split("/", -1);
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < Math.min(DEPTH, segments.length); i++) {
            String segment = segments[i];
            if (segment.isEmpty() || !isLiteral(segment)) {
                break;
            }
            if (i > 0) {
                prefix.append('/');
            }
            prefix.append(segment);
        }
        return prefix.toString();
    }

    private static boolean isLiteral(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '{' || c == '}' || c == '*' || c == '?' || c == '\\' || c == ';' || c == '%') {
                return false;
            }
        }
        return true;
    }
}
