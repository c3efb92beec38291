package io.recoveryportal.audit;

/**
 * The actor of an audit event: its kind and, within the kind, who exactly. {@code id} is a staff
 * member's Entra object id (null when a sign-in failed before the token named anyone), a person's
 * role in the attempt ("employee", "new-hire", "helpdesk-caller", "account-owner"), a job of the
 * portal ("portal", "scan", "sla", "retention", or null), and null for Incode's webhook. Never a
 * name or an address.
 */
public record Actor(ActorKind kind, String id) {

  public Actor {
    if (kind == null) {
      throw new IllegalArgumentException("an actor has a kind");
    }
    if (id != null && id.length() > 64) {
      throw new IllegalArgumentException("an actor's id has at most 64 characters");
    }
  }

  public static Actor person(String role) {
    return new Actor(ActorKind.PERSON, role);
  }

  /** A member of staff by their Entra object id; null when nobody could be named. */
  public static Actor staff(String objectId) {
    return new Actor(ActorKind.STAFF, objectId);
  }

  public static Actor system(String job) {
    return new Actor(ActorKind.SYSTEM, job);
  }

  public static Actor incodeWebhook() {
    return new Actor(ActorKind.INCODE_WEBHOOK, null);
  }

  /**
   * The actor as one word, as the trail wrote it before actors were typed ("staff:&lt;oid&gt;",
   * "system:scan", "employee"); still what an invitation keeps as its creator.
   */
  public String label() {
    return switch (kind) {
      case STAFF -> "staff:" + (id == null ? "unknown" : id);
      case SYSTEM -> id == null ? "system" : "portal".equals(id) ? "portal" : "system:" + id;
      case PERSON -> id == null ? "person" : id;
      case INCODE_WEBHOOK -> "incode-webhook";
    };
  }
}
