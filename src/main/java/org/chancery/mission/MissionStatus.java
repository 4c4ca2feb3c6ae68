package org.chancery.mission;

/** {@code PLANNED} → {@code OPEN} → {@code CLOSED}, or {@code PLANNED} → {@code CANCELLED} (R12). */
public enum MissionStatus { PLANNED, OPEN, CLOSED, CANCELLED }
