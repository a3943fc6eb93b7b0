package org.chunfeng.contracts.common;

public record SkillLevel(Skill skill, int years) {
}
