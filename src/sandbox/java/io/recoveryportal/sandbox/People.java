package io.recoveryportal.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's people as the sandbox's identity providers see them: who can sign in to Entra, and
 * what Incode reads off each person's ID. Read once from the raw seed; the live directory (accounts
 * enabled or changed through Graph) is {@link Directory}'s business, not this class's.
 */
public final class People {

  /** What Incode extracts from a person's government ID. {@code gender} may be null. */
  public record Document(
      String name, String givenName, String familyName, String birthdate, String gender) {}

  /**
   * {@code emails}: every address the person is known by (UPN, mail, otherMails, smtp proxy
   * addresses).
   */
  public record Person(
      String id,
      String userPrincipalName,
      String mail,
      String displayName,
      boolean enabled,
      List<String> emails,
      List<String> appRoles,
      Document document) {}

  private final List<Person> people;
  private final int demo;

  /**
   * By id and by every lower-cased address, the first person holding it (a benchmark directory has
   * thousands).
   */
  private final Map<String, Person> byId = new java.util.HashMap<>();

  private final Map<String, Person> byEmail = new java.util.HashMap<>();

  private People(List<Person> people, int demo) {
    this.people = List.copyOf(people);
    this.demo = Math.min(demo, this.people.size());
    for (Person p : this.people) {
      byId.putIfAbsent(p.id(), p);
      p.emails().forEach(e -> byEmail.putIfAbsent(e.toLowerCase(Locale.ROOT), p));
    }
  }

  public static People of(Directory directory) {
    List<Person> list = new ArrayList<>();
    for (Object o : directory.seedUsers()) {
      Map<String, Object> u = Json.obj(o);
      List<String> emails = new ArrayList<>();
      addEmail(emails, u.get("userPrincipalName"));
      addEmail(emails, u.get("mail"));
      Json.list(u.get("otherMails")).forEach(m -> addEmail(emails, m));
      for (Object p : Json.list(u.get("proxyAddresses"))) {
        String s = String.valueOf(p);
        if (s.regionMatches(true, 0, "smtp:", 0, 5)) {
          addEmail(emails, s.substring(5));
        }
      }
      Map<String, Object> d = Json.obj(u.get("document"));
      list.add(
          new Person(
              str(u.get("id")),
              str(u.get("userPrincipalName")),
              str(u.get("mail")),
              str(u.get("displayName")),
              Boolean.TRUE.equals(u.get("accountEnabled")),
              List.copyOf(emails),
              Json.list(u.get("appRoles")).stream().map(String::valueOf).toList(),
              new Document(
                  str(d.get("name")),
                  str(d.get("givenName")),
                  str(d.get("familyName")),
                  str(d.get("birthdate")),
                  str(d.get("gender")))));
    }
    return new People(list, directory.demoUserCount());
  }

  private static void addEmail(List<String> emails, Object value) {
    if (value instanceof String s
        && !s.isBlank()
        && emails.stream().noneMatch(s::equalsIgnoreCase)) {
      emails.add(s);
    }
  }

  private static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  public List<Person> all() {
    return people;
  }

  /**
   * The demo tenant's people, without generated benchmark employees: for pages that list everyone.
   */
  public List<Person> listed() {
    return people.subList(0, demo);
  }

  public Optional<Person> byId(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /**
   * Email addresses are case-insensitive in practice, whatever RFC 5321 says about the local part.
   */
  public Optional<Person> byEmail(String email) {
    if (email == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byEmail.get(email.trim().toLowerCase(Locale.ROOT)));
  }
}
