package org.chancery.shared.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.chancery.shared.InvalidInputException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Turns the {@code page}, {@code size} and {@code sort} a client sent into a page request over
 * entity properties: sort fields are the API's field names, translated through a per-list
 * allow-list (anything else is a {@code VALIDATION_FAILED} on {@code sort}); the list's default
 * order applies when none is given, and a unique tie-breaker always ends the order so that pages
 * are deterministic, in the first order's direction: an index of a field and the tie-breaker gives the order
 * read forwards or backwards ({@code city desc, id desc}), where a tie-breaker against it made the database sort
 * every row for each page. A field given twice is sorted on once, in its first direction: the second
 * would order nothing (and a column sorted on twice breaks H2's sorting on disk; see
 * {@link org.chancery.shared.SqlOrder}). A field that may be null sorts its nulls first ascending
 * and last descending, as H2 does by default and PostgreSQL does not: one order on either database.
 */
public final class PageRequests {

    private PageRequests() {
    }

    public static PageRequest of(Pageable requested, Map<String, String> sortable, Sort defaultOrder,
            String tieBreaker) {
        return of(requested, sortable, Set.of(), defaultOrder, tieBreaker);
    }

    /**
     * @param nullable the sortable fields (API names) whose values may be null
     */
    public static PageRequest of(Pageable requested, Map<String, String> sortable, Set<String> nullable,
            Sort defaultOrder, String tieBreaker) {
        List<Sort.Order> orders = new ArrayList<>();
        Set<String> sorted = new HashSet<>();
        for (Sort.Order order : requested.getSort()) {
            String property = sortable.get(order.getProperty());
            if (property == null) {
                throw new InvalidInputException("sort", "cannot sort by '" + order.getProperty()
                        + "'; sortable fields: " + String.join(", ", new TreeSet<>(sortable.keySet()))
                        + " (each as field or field,asc or field,desc)");
            }
            if (sorted.add(property)) {
                Sort.Order chosen = new Sort.Order(order.getDirection(), property);
                if (nullable.contains(order.getProperty())) {
                    chosen = order.isAscending() ? chosen.nullsFirst() : chosen.nullsLast();
                }
                orders.add(chosen);
            }
        }
        Sort sort = orders.isEmpty() ? defaultOrder : Sort.by(orders);
        if (sort.getOrderFor(tieBreaker) == null) {
            Sort.Direction first = sort.stream().findFirst().map(Sort.Order::getDirection).orElse(Sort.Direction.ASC);
            sort = sort.and(Sort.by(first, tieBreaker));
        }
        return PageRequest.of(requested.getPageNumber(), requested.getPageSize(), sort);
    }

    /** A page request without client sorting: the list has one fixed order. */
    public static PageRequest unsorted(Pageable requested) {
        if (requested.getSort().isSorted()) {
            throw fixedOrder();
        }
        return PageRequest.of(requested.getPageNumber(), requested.getPageSize());
    }

    /**
     * Refuses a {@code sort} given to a list of one fixed order that is not paged (the observations' summary, the
     * import formats), as {@link #unsorted} refuses it on a paged one, rather than ignore it.
     */
    public static void unsorted(String sort) {
        if (sort != null) {
            throw fixedOrder();
        }
    }

    private static InvalidInputException fixedOrder() {
        return new InvalidInputException("sort", "cannot be used, as this list has a fixed order");
    }
}
