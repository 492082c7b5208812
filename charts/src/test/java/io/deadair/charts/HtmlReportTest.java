package io.deadair.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendered report: every file in place, and hostile names escaped in HTML and SVG. */
class HtmlReportTest {

  @TempDir static Path dir;
  static String html;

  @BeforeAll
  static void render() throws Exception {
    System.setProperty("java.awt.headless", "true");
    ReportRenderer.render(Fixtures.report(), ReportSink.folder(dir));
    html = Files.readString(dir.resolve("index.html"));
  }

  @Test
  void hostileNamesNeverBecomeMarkup() {
    assertThat(count(html, "<script")).as("only the report's own two scripts").isEqualTo(2);
    assertThat(html).as("a script tag in a name is text")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain("<script>alert(")
        .as("quotes and ampersands").contains("Tom &quot;The Bomb&quot; O&#39;Neil &amp; Friends")
        .as("a name that closes a cell stays in its cell")
        .doesNotContain("<img src=x").contains("&lt;/td&gt;&lt;/tr&gt;&lt;img src=x")
        .as("right-to-left text is isolated").contains("<bdi>فرقة الصحراء</bdi>")
        .as("emoji pass through as text").contains("🎸 Emoji Band 🔥")
        .as("a data note is text").contains("rows cannot be used &lt;they are in quarantine/&gt;")
        .as("the outage's id and description").contains("global-&lt;1&gt;")
        .contains("Login down &lt;everywhere&gt; &amp; &quot;beyond&quot;");
  }

  @Test
  void theDetectionSectionShowsTheWindowsFoundAndWhereTheLogDisagrees() throws Exception {
    int from = html.indexOf("<section id=\"detection\">");
    assertThat(from).as("a detection section").isPositive();
    String section = html.substring(from, html.indexOf("</section>", from));
    assertThat(section).contains("src=\"charts/detection.png\"")
        .as("the window found, its scope and its interval").contains("<td>d-1</td>")
        .contains("2,400").contains("2,300 – 2,500")
        .as("the declared outage's id is text").contains("global-&lt;1&gt;")
        .as("the mismatch").contains("starts 60 min later");
    assertThat(Files.size(dir.resolve("charts/detection.svg"))).isPositive();
  }

  @Test
  void labelsPromotionsAndCardsShowWhereTheLossFell() {
    assertThat(html).as("labels by lost revenue, with the label's file")
        .contains("<h3>Labels and distributors</h3>").contains("href=\"../csv/labels/lm1.csv\"")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td><td class=\"num\">128")
        .as("promotions, the artist's name escaped").contains("Promotions that went dark")
        .contains("editorial playlist").contains("&lt;/td&gt;&lt;/tr&gt;&lt;img src=x")
        .as("the card's markets").contains("Where: DE android free $0.12 · BR ios&lt;&gt;")
        .as("the card's days, observed and repaired").contains("-days.png");
  }

  @Test
  void everyAttributeValueIsQuotedAndEscaped() {
    Matcher m = Pattern.compile("<[a-z]+\\s[^>]*>").matcher(html);
    while (m.find()) {
      String tag = m.group();
      assertThat(tag.replaceAll("\\s[a-z-]+=\"[^\"<>]*\"", ""))
          .as("tag with only quoted attributes: %s", tag).matches("<[a-z]+>");
    }
  }

  @Test
  void thePageHasEveryChartAndNothingFromElsewhere() throws Exception {
    for (String kind : new String[] {"timeline", "phases", "share-lost", "emerging", "markets",
        "card-1", "card-2"}) {
      assertThat(html).as(kind + " chart in the page").contains("src=\"charts/o1-" + kind
          + ".png\"");
      assertThat(Files.size(dir.resolve("charts/o1-" + kind + ".png"))).isPositive();
      assertThat(Files.size(dir.resolve("charts/o1-" + kind + ".svg"))).isPositive();
    }
    assertThat(html).as("offline: no remote address in any src or href")
        .doesNotContainPattern("(src|href)=\"(https?:)?//");
    assertThat(html).as("no linked style sheet or font").doesNotContain("<link");
    assertThat(html).contains("href=\"../csv/artist_impact.csv\"")
        .contains("href=\"method.md\"");
    assertThat(Files.exists(dir.resolve("method.md"))).as("method.md beside the page").isTrue();
  }

  @Test
  void svgChartsStayWellFormedWithHostileNames() throws Exception {
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    for (String kind : new String[] {"emerging", "card-1", "card-2"}) {
      byte[] svg = Files.readAllBytes(dir.resolve("charts/o1-" + kind + ".svg"));
      var doc = xml.newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg));
      assertThat(doc.getElementsByTagName("script").getLength()).as(kind + ": no script")
          .isZero();
      assertThat(new String(svg, StandardCharsets.UTF_8)).as(kind + ": no markup from names")
          .doesNotContain("<script>alert");
    }
  }

  @Test
  void headlineNumbersComeFromTheTotals() {
    assertThat(html).contains("24,000").contains("23,000 – 25,000").contains("$108")
        .as("emerging share of lost revenue: 11 of 108").contains("10.2 %");
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
