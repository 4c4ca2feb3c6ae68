package org.chancery.timeline;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.relation.RelationPair;
import org.chancery.shared.DatePrecision;

/** One dated fact about a pair, with how well its date is known. */
@Schema(name = "TimelineItem", example = "{\"date\": \"2024-02-14\", \"type\": \"RESTORED\", "
        + "\"summary\": \"Diplomatic relations restored between CU and KR\", \"ref\": {\"kind\": \"event\", \"id\": 3, "
        + "\"href\": \"/api/relations/CU/KR/events/3\"}, \"datePrecision\": \"DAY\"}")
public record TimelineItem(
        LocalDate date, String type, String summary, Ref ref,
        @Schema(description = "how well `date` is known: DAY, MONTH or YEAR (its first day kept); a milestone's "
                + "due dates are days, its achievement by an opening as well known as the opening (last, so that the "
                + "CSV's earlier columns keep their places)")
        DatePrecision datePrecision) {

    /**
     * What the item is about: {@code event}, {@code meeting}, {@code mission}, {@code head}, {@code
     * accreditation} or {@code milestone}, and the address that reads it (a head's names its mission).
     */
    @Schema(name = "TimelineRef")
    public record Ref(
            @Schema(allowableValues = {"event", "meeting", "mission", "head", "accreditation", "milestone"}) String kind,
            long id,
            @Schema(description = "the API address that reads the fact", example = "/api/relations/CU/KR/events/3")
            String href) {

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
