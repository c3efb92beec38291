package io.recoveryportal.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples (jdk.ExecutionSample) went: the hottest methods by self time,
 * and by inclusive share the libraries and portal packages on the stacks. For the portal's profile
 * in the README: {@code java -cp target/test-classes io.recoveryportal.bench.JfrTop recording.jfr
 * [top-N]}.
 */
public final class JfrTop {

  /**
   * Package prefixes grouped under a name, checked in this order; a stack counts once per group.
   */
  private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("portal code (io.recoveryportal)", List.of("io.recoveryportal."));
    GROUPS.put("Jakarta Faces (Mojarra)", List.of("com.sun.faces.", "jakarta.faces."));
    GROUPS.put("CDI (Weld)", List.of("org.jboss.weld."));
    GROUPS.put("JPA (EclipseLink)", List.of("org.eclipse.persistence."));
    GROUPS.put("H2", List.of("org.h2."));
    GROUPS.put(
        "Graph SDK, Kiota, OkHttp",
        List.of("com.microsoft.graph.", "com.microsoft.kiota.", "okhttp3.", "okio.", "kotlin."));
    GROUPS.put("MSAL4J", List.of("com.microsoft.aad.msal4j."));
    GROUPS.put("Nimbus (OIDC, JOSE)", List.of("com.nimbusds."));
    GROUPS.put("nbvcxz (password strength)", List.of("me.gosimple.nbvcxz."));
    GROUPS.put("Jakarta Mail", List.of("com.sun.mail.", "org.eclipse.angus.", "jakarta.mail."));
    GROUPS.put(
        "Grizzly / Payara web",
        List.of(
            "org.glassfish.grizzly.",
            "org.apache.catalina.",
            "org.apache.coyote.",
            "com.sun.enterprise.web."));
    GROUPS.put(
        "JSON (Jackson, Gson, Parsson)",
        List.of(
            "com.fasterxml.jackson.", "com.google.gson.", "org.eclipse.parsson.", "net.minidev."));
    GROUPS.put(
        "MicroProfile Metrics / Config", List.of("fish.payara.microprofile.", "io.smallrye."));
    GROUPS.put("TLS / crypto (JDK)", List.of("sun.security.", "javax.crypto.", "com.sun.crypto."));
    GROUPS.put("java.util.regex", List.of("java.util.regex."));
  }

  private JfrTop() {}

  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> groups = new LinkedHashMap<>();
    GROUPS.keySet().forEach(g -> groups.put(g, 0L));
    long samples = 0;
    Map<String, long[]> waits = new HashMap<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (e.getEventType().getName().equals("jdk.SocketRead")) {
        // where requests wait: reads over the recording's threshold, by peer port and the portal
        // frame that waited
        String who =
            e.getStackTrace() == null
                ? "?"
                : e.getStackTrace().getFrames().stream()
                    .filter(f -> f.getMethod().getType().getName().startsWith("io.recoveryportal."))
                    .findFirst()
                    .map(JfrTop::name)
                    .orElse("(no portal frame)");
        long[] w = waits.computeIfAbsent("port " + e.getInt("port") + " " + who, k -> new long[2]);
        w[0]++;
        w[1] += e.getDuration().toMillis();
        continue;
      }
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace st = e.getStackTrace();
      if (st == null || st.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      self.merge(name(st.getFrames().get(0)), 1L, Long::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : st.getFrames()) {
        String type = f.getMethod().getType().getName();
        for (Map.Entry<String, List<String>> g : GROUPS.entrySet()) {
          if (g.getValue().stream().anyMatch(type::startsWith) && seen.add(g.getKey())) {
            groups.merge(g.getKey(), 1L, Long::sum);
          }
        }
      }
    }
    long total = samples;
    System.out.printf(
        "%d execution samples in %s%n%nOn the stack (inclusive; a sample counts for every group it passes through):%n",
        total, args[0]);
    groups.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            g ->
                System.out.printf(
                    "  %5.1f%%  %s%n", 100.0 * g.getValue() / Math.max(1, total), g.getKey()));
    System.out.printf(
        "%nSocket reads over the recording's threshold (count, total ms), by peer port and waiting portal method:%n");
    waits.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
        .limit(15)
        .forEach(
            w ->
                System.out.printf(
                    "  %6d %9d ms  %s%n", w.getValue()[0], w.getValue()[1], w.getKey()));
    System.out.printf("%nHottest methods (self):%n");
    self.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(
            m ->
                System.out.printf(
                    "  %5.1f%%  %s%n", 100.0 * m.getValue() / Math.max(1, total), m.getKey()));
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }
}
