package io.deadair.common.contract;

/** The logical type of a column in the data contract, independent of any engine. */
public enum ColumnType {
  STRING("string"),
  INT("int32"),
  LONG("int64"),
  DOUBLE("double"),
  BOOLEAN("boolean"),
  DATE("date (YYYY-MM-DD)"),
  TIMESTAMP("timestamp (UTC instant)"),
  /** A list of strings; in CSV written as {@code ;}-separated text, or {@code *} for all. */
  STRING_LIST("list of strings");

  private final String description;

  ColumnType(String description) {
    this.description = description;
  }

  /** How the type reads in the data contract document. */
  public String description() {
    return description;
  }
}
