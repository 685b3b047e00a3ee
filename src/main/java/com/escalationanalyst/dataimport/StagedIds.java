package com.escalationanalyst.dataimport;

import java.util.Arrays;

/**
 * The ids of the rows staged by one import, as 64-bit hashes, to tell in memory that the file has no id twice.
 * Equal hashes say only "perhaps": the importer then asks the staging table, which names the lines. Past
 * {@code limit} ids (8 bytes each) nothing more is kept and the answer is always "perhaps".
 */
final class StagedIds {

    private final int limit;
    private long[] hashes = new long[1024];
    private long count;

    StagedIds(int limit) {
        this.limit = limit;
    }

    void add(String id) {
        count++;
        if (count > limit) {
            hashes = null;
            return;
        }
        if (count > hashes.length) {
            hashes = Arrays.copyOf(hashes, (int) Math.min(limit, 2L * hashes.length));
        }
        hashes[(int) count - 1] = hash(id);
    }

    /** Rows added. */
    long count() {
        return count;
    }

    /** False only when no two ids can be equal. */
    boolean mayHaveDuplicates() {
        if (hashes == null) {
            return true;
        }
        long[] sorted = Arrays.copyOf(hashes, (int) count);
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /** FNV-1a over the UTF-16 units, then a 64-bit finaliser so that nearby ids spread over all bits. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
