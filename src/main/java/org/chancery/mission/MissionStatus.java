package org.chancery.mission;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code PLANNED} → {@code OPEN} → {@code CLOSED}, or {@code PLANNED} → {@code CANCELLED} (R12). */
@Schema(enumAsRef = true)
public enum MissionStatus { PLANNED, OPEN, CLOSED, CANCELLED }
