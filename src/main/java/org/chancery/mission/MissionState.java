package org.chancery.mission;

import java.time.LocalDate;

/** A mission's status and days as its row holds them ({@link MissionRepository#findStateById}). */
record MissionState(MissionStatus status, LocalDate openedOn, LocalDate closedOn) {
}
