package io.deadair.charts;

/** Escaping for text and attribute values in the report's HTML. */
public final class Html {

  private Html() {}

  /** Escapes {@code & < > " '} so that data can never become markup. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append(' ');
          } else {
            b.appendCodePoint(c);
          }
        }
      }
    });
    return b.toString();
  }

  /**
   * A name from the data: escaped, and isolated with {@code <bdi>} so that right-to-left text
   * cannot reorder the text around it.
   */
  public static String name(String s) {
    return "<bdi>" + esc(s) + "</bdi>";
  }
}
