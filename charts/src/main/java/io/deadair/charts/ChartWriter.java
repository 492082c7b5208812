package io.deadair.charts;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
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
    // Opaque RGB: every chart has a white background, and PNGs without alpha encode faster.
    BufferedImage image = new BufferedImage(width * SCALE, height * SCALE,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.scale(SCALE, SCALE);
    chart.draw(g, new Rectangle(0, 0, width, height));
    g.dispose();
    try (OutputStream os = sink.create(path + ".png")) {
      ImageIO.write(image, "png", os);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write chart " + path + ".png: " + e.getMessage(), e);
    }
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    chart.draw(g2, new Rectangle(0, 0, width, height));
    sink.write(path + ".svg", g2.getSVGDocument());
    return new Written(path, width, height, alt);
  }
}
