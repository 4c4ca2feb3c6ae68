package org.chancery.milestone;

/**
 * The status of a milestone, derived on every read: {@code ACHIEVED} (by hand, or its mission
 * opened), {@code CANCELLED}, {@code OVERDUE} (today is after the target's last day), else
 * {@code PENDING}.
 */
public enum MilestoneStatus { PENDING, OVERDUE, ACHIEVED, CANCELLED }
