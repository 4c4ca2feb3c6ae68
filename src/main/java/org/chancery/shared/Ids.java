package org.chancery.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Helpers for reads that take a list of ids (a page's, say) and must answer in its order. */
public final class Ids {

    private Ids() {
    }

    /**
     * What {@code found} holds for each of {@code ids}, in the order of {@code ids}, each made by
     * {@code make}; ids that were not found are left out.
     */
    public static <F, T> List<T> inOrder(List<Long> ids, Map<Long, F> found, Function<F, T> make) {
        List<T> inOrder = new ArrayList<>(found.size());
        for (Long id : ids) {
            F one = found.get(id);
            if (one != null) {
                inOrder.add(make.apply(one));
            }
        }
        return inOrder;
    }
}
