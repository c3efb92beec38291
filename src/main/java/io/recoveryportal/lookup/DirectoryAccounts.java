package io.recoveryportal.lookup;

import java.util.List;
import java.util.Optional;

/**
 * The directory as recovery sees it: find an account by the address a person typed, read what
 * matching and the privileged-account check need. Owned by the domain; the Graph adapter implements
 * it.
 *
 * <p>Implementations throw {@link DirectoryUnavailableException} when the directory cannot answer
 * (throttling beyond the retry budget, an outage), never a half-answer.
 */
public interface DirectoryAccounts {

  /**
   * Every account whose mail, userPrincipalName, otherMails or proxyAddresses equals {@code email},
   * compared without regard to case. Zero, one or several: the caller decides what several means.
   */
  List<DirectoryAccount> findByEmail(WorkEmail email);

  /** One account by its object id, read fresh. */
  Optional<DirectoryAccount> findById(String objectId);

  /**
   * The account as {@link #findById} read it on this node at most {@code maxAge} ago, or else read
   * fresh. For a step that needs the account's names and addresses, not a new verdict on it, right
   * after a step that read it fresh: the password form's submission after the callback's read,
   * which saves a Graph request per flow.
   */
  Optional<DirectoryAccount> findRecent(String objectId, java.time.Duration maxAge);

  /**
   * The account with its department, job title, manager and dates, read fresh (a reviewer's
   * evidence must be the directory as it is now). Empty when the account does not exist.
   */
  Optional<DirectoryProfile> profile(String objectId);

  /**
   * Disabled accounts whose employeeHireDate lies in [{@code from}, {@code until}), with the
   * personal address read from {@code personalEmailAttribute} ({@code otherMails}, or a directory
   * extension); accounts without one are left out. For the scheduled invitation scan.
   */
  List<NewHire> upcomingHires(
      java.time.Instant from, java.time.Instant until, String personalEmailAttribute);

  /** A disabled account about to start, and where to reach its owner before day one. */
  record NewHire(DirectoryAccount account, java.time.Instant hireDate, String personalEmail) {}

  /** The directory roles and groups the account belongs to, directly or through nesting. */
  Membership membership(String objectId);
}
