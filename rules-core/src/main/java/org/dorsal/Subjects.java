package org.dorsal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lookup tables behind {@link Subject}: an interface cannot hold private fields. */
final class Subjects {
    static final List<Subject> ALL;
    static final Map<String, Subject> BY_KEY = new HashMap<>();

    static {
        List<Subject> all = new ArrayList<>(List.of(Finding.values()));
        all.addAll(List.of(Quantity.values()));
        ALL = List.copyOf(all);
        ALL.forEach(s -> BY_KEY.put(s.key(), s));
    }

    private Subjects() {
    }
}
