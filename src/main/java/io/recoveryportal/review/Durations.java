package io.recoveryportal.review;

import java.time.Duration;

/** Durations as reviewers read them: "3 d 2 h", "2 h 5 min", "4 min". */
final class Durations {

    private Durations() {
    }

    static String text(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + mins + " min" : mins + " min";
    }
}
