package io.deadair.common.io;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The file formats Dead Air reads, chosen from file names. */
public enum InputFormat {
  PARQUET(".parquet"),
  CSV(".csv", ".csv.gz", ".tsv"),
  JSON(".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz", ".ndjson.gz");

  private final Set<String> suffixes;

  InputFormat(String... suffixes) {
    this.suffixes = Set.of(suffixes);
  }

  /** The format a single file name implies, if any; compressed suffixes such as .snappy count. */
  public static Optional<InputFormat> ofFileName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    for (InputFormat f : values()) {
      for (String s : f.suffixes) {
        if (n.endsWith(s) || n.contains(s + ".")) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether Spark and Hadoop skip this file in a folder of part files. */
  public static boolean isHidden(String fileName) {
    return fileName.startsWith("_") || fileName.startsWith(".");
  }

  /**
   * The one format of the data files among {@code fileNames} (the files of a folder, hidden ones
   * and files with no known suffix skipped).
   *
   * @throws IllegalArgumentException if no data file is there, or formats are mixed
   */
  public static InputFormat ofFiles(String where, Collection<String> fileNames) {
    Set<InputFormat> found = new TreeSet<>();
    for (String name : fileNames) {
      if (!isHidden(name)) {
        ofFileName(name).ifPresent(found::add);
      }
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          where + " holds no .parquet, .csv or .json/.jsonl file; cannot tell its format");
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          where + " mixes formats " + found + "; keep one per input");
    }
    return found.iterator().next();
  }
}
