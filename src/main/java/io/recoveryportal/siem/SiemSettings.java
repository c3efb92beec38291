package io.recoveryportal.siem;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The siem.* keys. Shipping is on when {@code siem.url} is set; then it must be https (http only in
 * sandbox mode).
 *
 * @param url the collector's endpoint (Splunk: {@code
 *     https://splunk:8088/services/collector/event})
 * @param format how events are written ({@link SiemFormat.Kind})
 * @param token the collector's token: {@code Authorization: Splunk <token>} for HEC, {@code Bearer
 *     <token>} otherwise
 * @param batchSize events per request
 * @param interval how often each node looks for events to send
 * @param maxBackoff the longest wait between two tries while the SIEM fails
 * @param timeout how long one request may take
 */
public record SiemSettings(
    URI url,
    SiemFormat.Kind format,
    String token,
    int batchSize,
    Duration interval,
    Duration maxBackoff,
    Duration timeout) {

  /** The destination's name in audit_outbox: one row per SIEM. */
  public static final String DESTINATION = "siem";

  /**
   * Empty when {@code siem.url} is not set. {@code config} reads a key; a bad value names the key.
   */
  public static Optional<SiemSettings> from(
      Function<String, Optional<String>> config, boolean sandbox) {
    Optional<String> url = config.apply("siem.url").map(String::strip).filter(s -> !s.isEmpty());
    if (url.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(url.get());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("siem.url is not a URL: " + e.getMessage(), e);
    }
    if (!"https".equals(uri.getScheme()) && !(sandbox && "http".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("siem.url must be https: " + uri);
    }
    SiemFormat.Kind format;
    String f =
        config
            .apply("siem.format")
            .map(s -> s.strip().toUpperCase(Locale.ROOT).replace('-', '_'))
            .orElse("SPLUNK_HEC");
    try {
      format = SiemFormat.Kind.valueOf(f);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("siem.format must be splunk-hec or json-lines", e);
    }
    int batch;
    try {
      batch = config.apply("siem.batch-size").map(String::strip).map(Integer::parseInt).orElse(100);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("siem.batch-size must be a whole number", e);
    }
    if (batch < 1 || batch > 1000) {
      throw new IllegalArgumentException("siem.batch-size must be between 1 and 1000");
    }
    return Optional.of(
        new SiemSettings(
            uri,
            format,
            config.apply("siem.token").orElse(null),
            batch,
            duration(config, "siem.interval", Duration.ofSeconds(2)),
            duration(config, "siem.max-backoff", Duration.ofMinutes(5)),
            duration(config, "siem.timeout", Duration.ofSeconds(10))));
  }

  private static Duration duration(
      Function<String, Optional<String>> config, String key, Duration otherwise) {
    try {
      Duration d = config.apply(key).map(String::strip).map(Duration::parse).orElse(otherwise);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(key + " must be longer than zero");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT2S", e);
    }
  }

  @Override
  public String toString() {
    return "SiemSettings[url=" + url + ", format=" + format + ", batchSize=" + batchSize + "]";
  }
}
