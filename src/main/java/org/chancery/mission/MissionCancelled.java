package org.chancery.mission;

/** Published inside the transaction that cancels a mission, under its pair's lock. */
public record MissionCancelled(long missionId) {
}
