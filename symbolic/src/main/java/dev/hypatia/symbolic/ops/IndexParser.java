package dev.hypatia.symbolic.ops;

import dev.hypatia.symbolic.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses numpy's index text ({@code "1:, ::-1, None, ..., -2"}) into {@link Idx} items; {@code $k}
 * stands for the k-th symbolic argument.
 */
final class IndexParser {
  private IndexParser() {}

  /**
   * The items of {@code text}.
   *
   * @throws IllegalArgumentException naming the bad item when the text is not a basic index
   */
  static List<Idx> parse(String text, List<Variable> symbols) {
    List<Idx> out = new ArrayList<>();
    if (text.isBlank()) {
      return out;
    }
    for (String raw : text.split(",", -1)) {
      String item = raw.trim();
      if (item.equals("...")) {
        out.add(Idx.ellipsis());
      } else if (item.equals("None") || item.equals("newaxis")) {
        out.add(Idx.newAxis());
      } else if (item.contains(":")) {
        String[] parts = item.split(":", -1);
        if (parts.length > 3) {
          throw bad(item, text);
        }
        Object step = parts.length == 3 ? bound(parts[2], text, symbols) : null;
        out.add(Idx.slice(bound(parts[0], text, symbols), bound(parts[1], text, symbols), step));
      } else {
        Object i = bound(item, text, symbols);
        if (i == null) {
          throw bad(item, text);
        }
        out.add(new Idx.At(i));
      }
    }
    return out;
  }

  private static Object bound(String part, String text, List<Variable> symbols) {
    String p = part.trim();
    if (p.isEmpty()) {
      return null;
    }
    if (p.startsWith("$")) {
      int k = parseInt(p.substring(1), text);
      if (k < 0 || k >= symbols.size()) {
        throw new IllegalArgumentException(
            "index " + p + " in \"" + text + "\" names none of the " + symbols.size() + " symbols");
      }
      return symbols.get(k);
    }
    return parseInt(p, text);
  }

  private static int parseInt(String p, String text) {
    try {
      return Integer.parseInt(p);
    } catch (NumberFormatException e) {
      throw bad(p, text);
    }
  }

  private static IllegalArgumentException bad(String item, String text) {
    return new IllegalArgumentException(
        "cannot parse \""
            + item
            + "\" in index \""
            + text
            + "\": expected an integer, a slice start:stop:step, None, ... or $k");
  }
}
