package io.deadair.common.contract;

import java.util.Objects;

/**
 * One column of a table in the data contract.
 *
 * @param name the column name, spelled exactly as in files
 * @param type the logical type
 * @param required whether every row must carry a value
 * @param meaning what the value means, in one sentence
 * @param example an example value, as it would be written in CSV
 * @param rule what a readable value must also be, or null for any value of the type
 */
public record ColumnSpec(
    String name, ColumnType type, boolean required, String meaning, String example,
    ValueRule rule) {

  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(example, "example");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("Column name must be snake_case: " + name);
    }
  }

  public static ColumnSpec required(String name, ColumnType type, String meaning, String example) {
    return new ColumnSpec(name, type, true, meaning, example, null);
  }

  public static ColumnSpec optional(String name, ColumnType type, String meaning, String example) {
    return new ColumnSpec(name, type, false, meaning, example, null);
  }

  /** This column with a rule its values must follow. */
  public ColumnSpec with(ValueRule valueRule) {
    return new ColumnSpec(name, type, required, meaning, example, valueRule);
  }
}
