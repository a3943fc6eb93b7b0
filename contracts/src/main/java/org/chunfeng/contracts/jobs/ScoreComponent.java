package org.chunfeng.contracts.jobs;

/** One line of an offer's explanation: what a criterion added to the score, and why, in Chinese and English. */
public record ScoreComponent(String criterion, double points, String reasonZh, String reasonEn) {
}
