package io.deadair.charts;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chart as a PNG drawn at twice its size (crisp on high-density screens) and an SVG. */
public final class ChartWriter {

  /** The PNG's pixels per CSS pixel. */
  public static final int SCALE = 2;

  private ChartWriter() {}

  /** A written chart: its files' path without extension and its size in CSS pixels. */
  public record Written(String path, int width, int height, String alt) {
    public String png() {
      return path + ".png";
    }

    public String svg() {
      return path + ".svg";
    }
  }

  public static Written write(ReportSink sink, String path, JFreeChart chart, int width,
      int height, String alt) {
    try (OutputStream os = sink.create(path + ".png")) {
      ChartUtils.writeScaledChartAsPNG(os, chart, width, height, SCALE, SCALE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write chart " + path + ".png: " + e.getMessage(), e);
    }
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    chart.draw(g2, new Rectangle(0, 0, width, height));
    sink.write(path + ".svg", g2.getSVGDocument());
    return new Written(path, width, height, alt);
  }
}
