package com.escalationanalyst.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Keys looked up or removed with {@code IN (?, …)}: split so that no statement carries too many parameters. */
public final class InLists {

    private InLists() {
    }

    /** The keys in pieces of at most {@code size}, in their order. */
    public static List<List<String>> chunks(Collection<String> keys, int size) {
        List<String> all = new ArrayList<>(keys);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /** {@code ?,?,…} for {@code n} parameters. */
    public static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
