package org.chancery.timeline;

import java.time.LocalDate;

import org.chancery.relation.RelationPair;
import org.chancery.shared.DatePrecision;

/** One dated fact about a pair, with how well its date is known. */
public record TimelineItem(LocalDate date, String type, String summary, Ref ref, DatePrecision datePrecision) {

    /**
     * What the item is about: {@code event}, {@code meeting}, {@code mission}, {@code head}, {@code
     * accreditation} or {@code milestone}, and the address that reads it (a head's names its mission).
     */
    public record Ref(String kind, long id, String href) {

        static Ref event(RelationPair pair, long id) {
            return new Ref("event", id, "/api/relations/" + pair.first() + "/" + pair.second() + "/events/" + id);
        }

        static Ref meeting(long id) {
            return new Ref("meeting", id, "/api/meetings/" + id);
        }

        static Ref mission(long id) {
            return new Ref("mission", id, "/api/missions/" + id);
        }

        static Ref head(long missionId, long id) {
            return new Ref("head", id, "/api/missions/" + missionId + "/heads/" + id);
        }

        static Ref accreditation(RelationPair pair, long id) {
            return new Ref("accreditation", id, "/api/relations/" + pair.first() + "/" + pair.second()
                    + "/accreditations/" + id);
        }

        static Ref milestone(long id) {
            return new Ref("milestone", id, "/api/milestones/" + id);
        }
    }
}
