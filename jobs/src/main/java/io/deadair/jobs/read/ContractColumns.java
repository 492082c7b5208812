package io.deadair.jobs.read;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.deadair.common.contract.ColumnSpec;
import io.deadair.common.contract.ColumnType;
import io.deadair.common.contract.TableSpec;
import io.deadair.common.contract.ValueRule;
import io.deadair.common.io.InputException;
import io.deadair.jobs.spark.SparkSchemas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;

/**
 * Turns raw rows into the contract's columns: each value is read as its type, brought to its
 * case and checked against its rule; the first column that fails names the row's problem.
 */
final class ContractColumns {

  /** For inputs whose rows cannot be malformed as a whole (Parquet). */
  static final Column NO_LINE_PROBLEM = lit(null).cast(DataTypes.StringType);

  private static final String EPOCH_MS = "^-?[0-9]{1,18}$";
  private static final String HAS_OFFSET = "(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$";
  private static final String LOOKS_LIKE_TIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+)?$";
  private static final String PLACEHOLDER = "\u0000";
  /** Prefixes of the working columns: a raw value, a column's problem. */
  private static final String SOURCE = "__source_";
  private static final String PROBLEM = "__problem_";
  private static final String LINE_PROBLEM = "__line_problem";
  private static final String TEXT = "__text";

  private ContractColumns() {}

  /** A missing required column stops the job with the file and the columns it does have. */
  static void checkColumns(Set<String> present, TableSpec table, String path) {
    List<String> missing = table.requiredColumnNames().stream()
        .filter(c -> !present.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new InputException(String.format("%s: %s has no column %s (it has: %s)",
          table.name(), path, String.join(", ", missing),
          present.stream().sorted().collect(Collectors.joining(", "))));
    }
  }

  /** A Parquet column whose type cannot hold the contract's values stops the job. */
  static void checkTypes(StructType raw, TableSpec table, String path) {
    checkColumns(Set.of(raw.fieldNames()), table, path);
    for (ColumnSpec c : table.columns()) {
      if (!Arrays.asList(raw.fieldNames()).contains(c.name())) {
        continue;
      }
      DataType t = raw.apply(c.name()).dataType();
      if (t instanceof TimestampNTZType) {
        throw new InputException(String.format("%s: %s, column %s: a timestamp without time"
            + " zone cannot be placed in UTC; write it as a UTC timestamp", table.name(), path,
            c.name()));
      }
      if (!fits(t, c.type())) {
        throw new InputException(String.format("%s: %s, column %s has type %s; it must hold"
            + " %s", table.name(), path, c.name(), t.simpleString(), c.type().description()));
      }
    }
  }

  private static boolean fits(DataType t, ColumnType type) {
    boolean text = t.equals(DataTypes.StringType);
    return switch (type) {
      case STRING -> t instanceof AtomicType;
      case STRING_LIST -> t instanceof AtomicType || t instanceof ArrayType a
          && a.elementType().equals(DataTypes.StringType);
      case TIMESTAMP -> text || t.equals(DataTypes.TimestampType)
          || t.equals(DataTypes.LongType) || t.equals(DataTypes.IntegerType);
      case INT, LONG, DOUBLE -> text || t instanceof NumericType;
      case BOOLEAN -> text || t.equals(DataTypes.BooleanType);
      case DATE -> text || t.equals(DataTypes.DateType) || t.equals(DataTypes.TimestampType);
    };
  }

  /**
   * The contract columns of {@code raw}, then where each row came from and, for an unusable row,
   * its raw text, column and reason. It works in three projections, so that each value is parsed
   * once however many checks read it: parse, then check each column, then pick the first
   * problem.
   *
   * @param lineProblem why the whole line is unusable, or null (checked before any column)
   * @param text whether rows are lines of text (in column {@code value}, kept as the raw text);
   *     otherwise the raw text of an unusable row is its record as JSON
   */
  static Dataset<Row> rows(Dataset<Row> raw, StructType rawSchema, TableSpec table, String path,
      Column lineProblem, boolean text) {
    checkColumns(Set.of(rawSchema.fieldNames()), table, path);
    List<String> present = Arrays.asList(rawSchema.fieldNames());
    Parsed parsed = parsed(rawSchema, table, present, lineProblem, text);
    Checked checked = checked(parsed.kept(), rawSchema, table, present);
    return raw.select(parsed.columns().toArray(Column[]::new))
        .select(checked.columns().toArray(Column[]::new))
        .select(output(table, present, checked, text).toArray(Column[]::new));
  }

  /** The first projection's columns, and the names the next one keeps of them. */
  private record Parsed(List<Column> columns, List<Column> kept) {}

  /** The second's columns, the column at fault and the problems in the order they count. */
  private record Checked(List<Column> columns, Column column, List<Column> problems) {}

  /**
   * Parses each contract column present (absent ones are null), beside each raw column, where
   * the row came from and the line's own problem.
   */
  private static Parsed parsed(StructType rawSchema, TableSpec table, List<String> present,
      Column lineProblem, boolean text) {
    List<Column> parsed = new ArrayList<>();
    List<Column> kept = new ArrayList<>();
    for (ColumnSpec c : table.columns()) {
      parsed.add((present.contains(c.name())
          ? normalise(parse(col(quoted(c.name())), rawType(rawSchema, c), c.type()), c.rule())
          : lit(null).cast(SparkSchemas.typeOf(c.type()))).as(c.name()));
      kept.add(col(c.name()));
    }
    for (String f : present) {
      parsed.add(col(quoted(f)).as(SOURCE + f));
      kept.add(col(quoted(SOURCE + f)));
    }
    for (String f : List.of(TableReader.FILE, TableReader.BLOCK, TableReader.POS)) {
      parsed.add(col(f));
      kept.add(col(f));
    }
    parsed.add(lineProblem.as(LINE_PROBLEM));
    kept.add(col(LINE_PROBLEM));
    if (text) {
      parsed.add(col("value").as(TEXT));
      kept.add(col(TEXT));
    }
    return new Parsed(parsed, kept);
  }

  /** Checks each column present; the first column at fault, in the table's order, names it. */
  private static Checked checked(List<Column> kept, StructType rawSchema, TableSpec table,
      List<String> present) {
    List<Column> checked = new ArrayList<>(kept);
    Column column = lit(null).cast(DataTypes.StringType);
    List<Column> problems = new ArrayList<>(List.of(col(LINE_PROBLEM)));
    for (int i = table.columns().size() - 1; i >= 0; i--) {
      ColumnSpec c = table.columns().get(i);
      if (present.contains(c.name())) {
        checked.add(problem(col(quoted(SOURCE + c.name())), rawType(rawSchema, c),
            col(c.name()), c).as(PROBLEM + c.name()));
        column = when(col(PROBLEM + c.name()).isNotNull(), lit(c.name())).otherwise(column);
        problems.add(1, col(PROBLEM + c.name()));
      }
    }
    return new Checked(checked, column, problems);
  }

  /** The contract's columns, where the row came from, and its raw text, column and reason. */
  private static List<Column> output(TableSpec table, List<String> present, Checked checked,
      boolean text) {
    Column reason = coalesce(checked.problems().toArray(Column[]::new));
    Column rawText = text ? col(TEXT) : when(reason.isNotNull(), to_json(struct(present.stream()
        .map(f -> col(quoted(SOURCE + f)).as(f)).toArray(Column[]::new))));
    List<Column> out = new ArrayList<>();
    table.columnNames().forEach(c -> out.add(col(c)));
    out.add(col(TableReader.FILE));
    out.add(col(TableReader.BLOCK));
    out.add(col(TableReader.POS));
    out.add(rawText.as(TableReader.RAW));
    out.add(when(col(LINE_PROBLEM).isNull(), checked.column()).as(TableReader.COLUMN));
    out.add(reason.as(TableReader.REASON));
    return out;
  }

  private static DataType rawType(StructType rawSchema, ColumnSpec c) {
    return rawSchema.apply(c.name()).dataType();
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** Why the value of column {@code c} makes its row unusable, or null when it does not. */
  private static Column problem(Column source, DataType rawType, Column parsed, ColumnSpec c) {
    boolean text = rawType.equals(DataTypes.StringType);
    Column blank = text ? source.isNull().or(trim(source).equalTo("")) : source.isNull();
    Column shown = text ? trim(source) : source.cast(DataTypes.StringType);
    Column unreadable = not(blank).and(parsed.isNull());
    Column unreadableReason = concat(lit("cannot read '"), shown,
        lit("' as " + c.type().description()));
    if (c.type() == ColumnType.TIMESTAMP && text) {
      unreadableReason = when(trim(source).rlike(LOOKS_LIKE_TIME),
          concat(lit("'"), shown, lit("' has no UTC offset; write it like 2026-03-02T14:05:09Z"
              + " or 2026-03-02T15:05:09+01:00"))).otherwise(unreadableReason);
    }
    Column result = when(unreadable, unreadableReason);
    if (c.required()) {
      result = when(blank, lit("required value is missing")).otherwise(result);
    }
    if (c.rule() != null) {
      String[] parts = c.rule().reason(PLACEHOLDER).split(PLACEHOLDER, -1);
      Column broken = parsed.isNotNull().and(not(allows(c.rule(), parsed)));
      result = when(broken, concat(lit(parts[0]), shown, lit(parts[1]))).otherwise(result);
    }
    return result;
  }

  /** Whether {@code v} (not null) follows {@code rule}. */
  static Column allows(ValueRule rule, Column v) {
    if (rule instanceof ValueRule.Range r) {
      return v.between(r.min(), r.max());
    } else if (rule instanceof ValueRule.Amount a) {
      return v.between(a.min(), a.max());
    } else if (rule instanceof ValueRule.OneOf o) {
      return v.isin(o.words().toArray());
    } else if (rule instanceof ValueRule.Word w) {
      return v.rlike("^(?:" + w.regex() + ")$");
    } else if (rule instanceof ValueRule.Country c) {
      return v.isin(c.allowed().toArray());
    }
    throw new IllegalStateException("Unknown rule " + rule);
  }

  private static Column normalise(Column parsed, ValueRule rule) {
    if (rule == null) {
      return parsed;
    }
    return switch (rule.textCase()) {
      case UPPER -> upper(parsed);
      case LOWER -> lower(parsed);
      case AS_IS -> parsed;
    };
  }

  /** The value of {@code source} as the contract type, or null where it cannot be read. */
  static Column parse(Column source, DataType rawType, ColumnType type) {
    if (rawType instanceof ArrayType) {
      return type == ColumnType.STRING_LIST ? array_join(source, ";") : lit(null);
    }
    boolean text = rawType.equals(DataTypes.StringType);
    return switch (type) {
      case STRING -> text ? when(trim(source).notEqual(""), trim(source))
          : source.cast(DataTypes.StringType);
      case STRING_LIST -> text ? list(trim(source)) : source.cast(DataTypes.StringType);
      case TIMESTAMP -> text ? parseTimestamp(trim(source))
          : rawType instanceof NumericType
              ? timestamp_millis(source.cast("long")) : source.try_cast(DataTypes.TimestampType);
      case INT, LONG, DOUBLE, BOOLEAN, DATE -> (text ? trim(source) : source)
          .try_cast(SparkSchemas.typeOf(type));
    };
  }

  /** A list written as {@code a;b}, or (in JSON lines) as a JSON array of strings. */
  private static Column list(Column s) {
    Column array = from_json(s, DataTypes.createArrayType(DataTypes.StringType),
        Map.<String, String>of());
    return when(s.startsWith("["), array_join(array, ";"))
        .when(s.notEqual(""), s);
  }

  /** ISO-8601 with an offset, or epoch milliseconds; a time without an offset is unreadable. */
  static Column parseTimestamp(Column s) {
    return when(s.rlike(EPOCH_MS), timestamp_millis(s.try_cast("long")))
        .when(s.rlike(HAS_OFFSET), try_to_timestamp(s));
  }
}
