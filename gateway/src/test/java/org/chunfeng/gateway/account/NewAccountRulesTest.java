package org.chunfeng.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewAccountRulesTest {

    @Test
    void aGoodAccountPasses() {
        assertThat(NewAccountRules.check("Town.Clerk-1", "long enough!", List.of("LABOUR_OFFICE", "ADMIN")))
                .isEmpty();
        assertThat(NewAccountRules.normalise(" Town.Clerk-1 ")).isEqualTo("town.clerk-1");
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(NewAccountRules.check("a", "short", List.of()))
                .extracting(NewAccountRules.Violation::field).containsExactly("username", "password", "roles");
        assertThat(NewAccountRules.check("-dash", "x".repeat(73), List.of("WORKER")))
                .extracting(NewAccountRules.Violation::field).containsExactly("username", "password", "roles");
        assertThat(NewAccountRules.check("clerk", "long enough!", null))
                .extracting(NewAccountRules.Violation::field).containsExactly("roles");
    }
}
