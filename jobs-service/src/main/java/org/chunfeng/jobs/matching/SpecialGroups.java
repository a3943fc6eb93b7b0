package org.chunfeng.jobs.matching;

import java.util.Collection;
import org.chunfeng.contracts.common.SpecialGroup;

final class SpecialGroups {

    private SpecialGroups() {
    }

    static int mask(Collection<SpecialGroup> groups) {
        int mask = 0;
        if (groups != null) {
            for (SpecialGroup g : groups) {
                mask |= 1 << g.ordinal();
            }
        }
        return mask;
    }
}
