package io.recoveryportal.recovery;

import io.recoveryportal.audit.Actor;

/**
 * A verification a helpdesk agent asked for: the result comes server to server, and the agent
 * follows it.
 */
final class HelpdeskPolicy implements KindPolicy {

  @Override
  public Actor actor() {
    return Actor.person("helpdesk-caller");
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
