package io.recoveryportal.recovery;

/** Why an attempt went to manual review, as the queue shows and filters it. The detail is in the rule outcomes. */
public enum CaseReason {
    NAME("Name rule"),
    BIRTHDATE("Birthdate differs"),
    MISSING_ATTRIBUTE("Missing directory attribute"),
    INCODE_MANUAL_REVIEW("Incode MANUAL_REVIEW"),
    DIRECTORY_UNAVAILABLE("Directory unavailable after verification");

    private final String label;

    CaseReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** For pages: EL reads properties. */
    public String getLabel() {
        return label;
    }
}
