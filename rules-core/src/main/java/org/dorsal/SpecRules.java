package org.dorsal;

import java.util.List;

/**
 * The public rule IDs of the clinical specification, in its order. A knowledge base without a
 * rule for each of them is incomplete and refused at build time. The order also orders output.
 */
final class SpecRules {
    static final List<String> IDS = List.of(
            "RF-THUNDERCLAP-HEADACHE",
            "RF-VASCULAR-AFTER-NECK-MOVEMENT",
            "RF-DIZZINESS-UNLINKED",
            "RF-BOWEL-BLADDER",
            "RF-SYSTEMIC",
            "RF-RADICULOPATHY",
            "RF-NEURO-DEFICIT",
            "TH-COLD-ACUTE",
            "TH-COLD-TRANSITION",
            "TH-HEAT-TRANSITION",
            "TH-HEAT-SUBACUTE",
            "TH-COLD-PERSISTENT",
            "DT-SPASM-PERSISTENT",
            "DT-STIFFNESS-NO-IMPROVEMENT",
            "EX-CHIN-TUCK",
            "EX-CAT-COW",
            "EX-SHOULDER-ROLLS",
            "EX-NECK-ROTATION",
            "EX-UPPER-BACK-STRETCH",
            "EX-TENNIS-BALL",
            "EX-BAND-ROWS",
            "EX-SCAPULAR-SQUEEZE",
            "EX-WALL-ANGELS",
            "EX-PRONE-COBRA",
            "WARN-SELF-MANIPULATION",
            "EDU-CAVITATION",
            "PREV-ERGONOMICS",
            "PREV-HYDRATION",
            "PREV-STRESS",
            "PREV-LIFTING",
            "SN-WATCH-FOR");

    private SpecRules() {
    }
}
