package org.chancery.relation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What a severance changed (R11): the missions it closed and the accreditations it ended. */
public record SeveranceEffects(List<AffectedMission> missions, List<AffectedAccreditation> accreditations) {

    public static final SeveranceEffects NONE = new SeveranceEffects(List.of(), List.of());

    public SeveranceEffects {
        missions = List.copyOf(missions);
        accreditations = List.copyOf(accreditations);
    }

    public static SeveranceEffects ofMissions(List<AffectedMission> missions) {
        return new SeveranceEffects(missions, List.of());
    }

    public static SeveranceEffects ofAccreditations(List<AffectedAccreditation> accreditations) {
        return new SeveranceEffects(List.of(), accreditations);
    }

    /** Both effects together, each list in id order. */
    SeveranceEffects and(SeveranceEffects other) {
        List<AffectedMission> allMissions = new ArrayList<>(missions);
        allMissions.addAll(other.missions);
        allMissions.sort(Comparator.comparing(AffectedMission::id));
        List<AffectedAccreditation> allAccreditations = new ArrayList<>(accreditations);
        allAccreditations.addAll(other.accreditations);
        allAccreditations.sort(Comparator.comparing(AffectedAccreditation::id));
        return new SeveranceEffects(allMissions, allAccreditations);
    }
}
