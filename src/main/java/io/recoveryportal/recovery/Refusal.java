package io.recoveryportal.recovery;

import io.recoveryportal.lookup.Membership;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A refusal and its particulars: how many accounts share the address, which protected groups the
 * account is in.
 *
 * @param detail null when the reason says it all
 */
public record Refusal(RefusalReason reason, String detail) {

  public Refusal {
    Objects.requireNonNull(reason, "reason");
  }

  public static Refusal of(RefusalReason reason) {
    return new Refusal(reason, null);
  }

  /**
   * Why no self-service flow may touch an account with this membership, if it is privileged: any
   * directory role, or membership of one of {@code protectedGroups} (break-glass, executives).
   */
  public static Optional<Refusal> privilege(Membership m, Set<String> protectedGroups) {
    if (m.holdsAnyDirectoryRole()) {
      return Optional.of(of(RefusalReason.DIRECTORY_ROLE));
    }
    List<String> hits = m.groupIds().stream().filter(protectedGroups::contains).sorted().toList();
    return hits.isEmpty()
        ? Optional.empty()
        : Optional.of(new Refusal(RefusalReason.PROTECTED_GROUP, String.join(",", hits)));
  }

  /**
   * The refusal as the audit trail words it: "several accounts (2)", "privileged: member of
   * protected group g1".
   */
  public String text() {
    if (detail == null) {
      return reason.words();
    }
    return reason == RefusalReason.SEVERAL_ACCOUNTS
        ? reason.words() + " (" + detail + ")"
        : reason.words() + " " + detail;
  }
}
