package org.chancery.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * A page of entities filtered by the conditions a request gives, and by those only. A condition
 * written {@code (:x is null or …)} keeps the database from using an index for {@code x}; here each
 * absent filter is left out of the query instead, so each combination of filters is its own
 * query, prepared once and cached by Hibernate like any other. Conditions are fixed JPQL fragments
 * of the calling code; values are always bound as parameters, and sort properties must come from
 * an allow-list (see {@code PageRequests}).
 */
public final class FilteredQuery {

    private final String entity;
    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private FilteredQuery(String entity, String alias) {
        this.entity = entity;
        this.alias = alias;
    }

    /** Selects entities of {@code entity} (its JPQL name), named {@code alias} in the conditions. */
    public static FilteredQuery of(String entity, String alias) {
        return new FilteredQuery(entity, alias);
    }

    /** A condition that always applies, without parameters of its own. */
    public FilteredQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A condition on parameter {@code name}, applied only if {@code value} is not null. */
    public FilteredQuery where(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** A condition without parameters of its own, applied only if {@code applies}. */
    public FilteredQuery where(String condition, boolean applies) {
        if (applies) {
            conditions.add(condition);
        }
        return this;
    }

    /** A condition on several parameters, applied only if {@code parameters} is not null. */
    public FilteredQuery where(String condition, Map<String, ?> parameters) {
        if (parameters != null) {
            conditions.add(condition);
            this.parameters.putAll(parameters);
        }
        return this;
    }

    /**
     * The page in the page's order: one query for the page, and one count unless the page itself
     * tells the total (a first page that is not full, say).
     */
    public <T> Page<T> page(EntityManager entityManager, Class<T> type, Pageable pageable) {
        return page(entityManager, alias, type, pageable);
    }

    /** The ids of the page's entities in the page's order, as {@link #page} finds the entities. */
    public Page<Long> ids(EntityManager entityManager, Pageable pageable) {
        return page(entityManager, alias + ".id", Long.class, pageable);
    }

    private <T> Page<T> page(EntityManager entityManager, String selection, Class<T> type, Pageable pageable) {
        String from = "from " + entity + " " + alias
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
        TypedQuery<T> select = entityManager.createQuery("select " + selection + " " + from
                + orderBy(pageable.getSort()), type);
        bind(select);
        if (pageable.isPaged()) {
            select.setFirstResult(Math.toIntExact(pageable.getOffset()));
            select.setMaxResults(pageable.getPageSize());
        }
        return PageableExecutionUtils.getPage(select.getResultList(), pageable, () -> {
            TypedQuery<Long> count = entityManager.createQuery("select count(" + alias + ") " + from, Long.class);
            bind(count);
            return count.getSingleResult();
        });
    }

    private String orderBy(Sort sort) {
        SqlOrder orders = new SqlOrder();
        sort.forEach(order -> orders.by(alias + "." + order.getProperty(), SqlOrder.direction(order)));
        return orders.sql();
    }

    private void bind(TypedQuery<?> query) {
        parameters.forEach(query::setParameter);
    }
}
