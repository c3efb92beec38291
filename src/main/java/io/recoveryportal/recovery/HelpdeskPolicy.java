package io.recoveryportal.recovery;

/** A verification a helpdesk agent asked for: the result comes server to server, and the agent follows it. */
final class HelpdeskPolicy implements KindPolicy {

    @Override
    public String actor() {
        return "helpdesk-caller";
    }

    @Override
    public boolean carriesApprovalsOver() {
        return false;
    }

    @Override
    public boolean resultFetchedByPortal() {
        return true;
    }

    @Override
    public boolean employeeMailedOfDecision() {
        return false;
    }

    @Override
    public boolean agentFollowsCase() {
        return true;
    }
}
