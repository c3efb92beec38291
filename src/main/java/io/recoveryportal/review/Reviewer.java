package io.recoveryportal.review;

/**
 * The signed-in reviewer as the review rules need them: Entra object id, name, and whether they are
 * senior.
 */
public record Reviewer(String id, String name, boolean senior) {}
