package org.chancery.milestone;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The status of a milestone, derived on every read: {@code ACHIEVED} (by hand, or its mission
 * opened), {@code CANCELLED}, {@code OVERDUE} (today is after the target's last day), else
 * {@code PENDING}.
 */
@Schema(enumAsRef = true)
public enum MilestoneStatus { PENDING, OVERDUE, ACHIEVED, CANCELLED }
