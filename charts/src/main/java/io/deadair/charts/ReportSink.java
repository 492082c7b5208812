package io.deadair.charts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the report's files go, by path relative to the report folder: a local folder here, any
 * Hadoop file system in the jobs module.
 */
public interface ReportSink {

  /** A new file at {@code relativePath}, replacing any there; the caller closes it. */
  OutputStream create(String relativePath) throws IOException;

  /** A sink writing under a local folder. */
  static ReportSink folder(Path root) {
    return relativePath -> {
      Path p = root.resolve(relativePath);
      Files.createDirectories(p.getParent());
      return Files.newOutputStream(p);
    };
  }

  /** Writes text as UTF-8. */
  default void write(String relativePath, String text) {
    try (OutputStream os = create(relativePath)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + relativePath + ": " + e.getMessage(), e);
    }
  }
}
