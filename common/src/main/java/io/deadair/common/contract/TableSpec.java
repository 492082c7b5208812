package io.deadair.common.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table of the data contract: its name, its role and its columns in file order.
 *
 * @param name the table name (also the folder or file name it is written under)
 * @param role whether it is read by Dead Air or written by it
 * @param summary one sentence on what a row is
 * @param columns the columns, in the order they are written
 */
public record TableSpec(String name, Role role, String summary, List<ColumnSpec> columns) {

  /** Whether a table is an input to Dead Air or one of its outputs. */
  public enum Role {
    INPUT,
    OUTPUT
  }

  public TableSpec {
    columns = List.copyOf(columns);
    Set<String> seen = new LinkedHashSet<>();
    for (ColumnSpec c : columns) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException("Duplicate column " + c.name() + " in " + name);
      }
    }
  }

  /** The column called {@code columnName}, if the table has one. */
  public Optional<ColumnSpec> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** The column names in file order. */
  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  /** The names of the columns every row must carry. */
  public List<String> requiredColumnNames() {
    List<String> out = new ArrayList<>();
    for (ColumnSpec c : columns) {
      if (c.required()) {
        out.add(c.name());
      }
    }
    return out;
  }
}
