package io.recoveryportal.directory.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a Graph collection to its end by following {@code @odata.nextLink}. Graph may page any
 * collection, and a partial answer is worse than none here: a membership list missing its last page
 * could hide the group that makes an account protected. So either every page arrives or the read
 * fails.
 */
final class Pages {

  /**
   * 100 pages of up to 999 items: far beyond any real account, low enough to stop a link that
   * loops.
   */
  static final int MAX_PAGES = 100;

  private Pages() {}

  /**
   * @param first the first page
   * @param items a page's items
   * @param nextLink a page's {@code @odata.nextLink}, null on the last page
   * @param fetch reads the page a next link names
   */
  static <P, T> List<T> all(
      P first,
      Function<P, List<T>> items,
      Function<P, String> nextLink,
      Function<String, P> fetch) {
    List<T> out = new ArrayList<>();
    P page = first;
    for (int read = 1; ; read++) {
      List<T> values = items.apply(page);
      if (values != null) {
        out.addAll(values);
      }
      String next = nextLink.apply(page);
      if (next == null || next.isBlank()) {
        return out;
      }
      if (read == MAX_PAGES) {
        throw new IllegalStateException(
            "Microsoft Graph still had more after " + MAX_PAGES + " pages");
      }
      page = fetch.apply(next);
    }
  }
}
