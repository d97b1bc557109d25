/* test-html-blocks.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "broadsheet-html-blocks.h"
#include "broadsheet-html-elements.h"
#include "test-html-util.h"

/* How each HTML element becomes body blocks. Each test compares the whole
 * description of the blocks (test-html-util.h), so every kind, text, label
 * and span is checked exactly.
 */

static void
test_paragraphs (void)
{
  test_html_check ("<p>One</p>\n<p>  Two\n  lines  </p><p> </p><p>&nbsp;</p><div><p></p></div>",
                   "paragraph \"One\"\nparagraph \"Two lines\"\n");
  /* Containers are walked through; text directly inside one is a paragraph. */
  test_html_check ("<article><header>Head</header><section>Loose <span>text</span>"
                   "<p>Para</p>after</section><footer>Foot</footer></article>",
                   "paragraph \"Head\"\nparagraph \"Loose text\"\nparagraph \"Para\"\n"
                   "paragraph \"after\"\nparagraph \"Foot\"\n");
  test_html_check ("Just text, no markup", "paragraph \"Just text, no markup\"\n");
  test_html_check ("", "");
  test_html_check ("   \n ", "");
  test_html_check ("<!-- only a comment -->", "");
}

static void
test_headings (void)
{
  test_html_check ("<h1>Title</h1><h2>Sub <em>title</em></h2><h6>Small<br>print</h6><p>Body</p>",
                   "heading \"Title\"\nheading \"Sub title\" i@4+5\nheading \"Small print\"\n"
                   "paragraph \"Body\"\n");
}

static void
test_inline_styles (void)
{
  test_html_check ("<p>a <b>bold</b>, <strong>strong</strong>, <i>i</i> <em>em</em> "
                   "<code>c()</code> <kbd>Ctrl</kbd> <samp>out</samp> <tt>tt</tt></p>",
                   "paragraph \"a bold, strong, i em c() Ctrl out tt\" b@2+4 b@8+6 i@16+1 "
                   "i@18+2 code@21+3 code@25+4 code@30+3 code@34+2\n");
  /* Spaces at the edges of a styled run stay outside it. */
  test_html_check ("<p>x<b> spaced </b>y</p>", "paragraph \"x spaced y\" b@2+6\n");
  test_html_check ("<p><b><i>both</i></b> and <i>one <b>two</b></i> <b><b>once</b></b></p>",
                   "paragraph \"both and one two once\" b@0+4 i@0+4 i@9+7 b@13+3 b@17+4\n");
  /* Offsets count characters, not bytes. */
  test_html_check ("<p>café <b>naïve</b> 日本 <i>ok</i></p>",
                   "paragraph \"café naïve 日本 ok\" b@5+5 i@14+2\n");
}

static void
test_links (void)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *description = NULL;

  test_html_check ("<p>See <a href=\"/about\">about</a>, <a href=\"../other.html\">other</a>, "
                   "<a href=\"https://elsewhere.example/x?a=1&amp;b=2\">there</a> and "
                   "<a href=\"mailto:desk@example.org\">mail</a>.</p>",
                   "paragraph \"See about, other, there and mail.\" "
                   "a@4+5=https://example.org/about a@11+5=https://example.org/other.html "
                   "a@18+5=https://elsewhere.example/x?a=1&b=2 a@28+4=mailto:desk@example.org\n");
  /* Refused addresses keep their text, without the link. */
  test_html_check ("<p><a href=\"javascript:alert(1)\">js</a> <a href=\" JavaScript:x\">JS</a> "
                   "<a href=\"data:text/html,x\">data</a> <a href=\"file:///etc/passwd\">file</a> "
                   "<a>none</a> <a href=\"\">empty</a></p>",
                   "paragraph \"js JS data file none empty\"\n");
  /* Spaces and non-ASCII characters in an address are encoded, as a browser does. */
  test_html_check ("<p><a href=\" /a b/é \">x</a></p>",
                   "paragraph \"x\" a@0+1=https://example.org/a%20b/%C3%A9\n");

  /* Without a base, only absolute links are kept. */
  blocks = test_html_parse ("<p><a href=\"/rel\">rel</a> "
                            "<a href=\"https://example.org/abs\">abs</a></p>", NULL);
  description = test_html_describe (blocks, G_MAXUINT);
  g_assert_cmpstr (description, ==, "paragraph \"rel abs\" a@4+3=https://example.org/abs\n");
}

static void
test_breaks (void)
{
  test_html_check ("<p>one<br>two<br/>\n  three<br><br><br><br>four<br></p><p><br>five</p>",
                   "paragraph \"one\ntwo\nthree\n\nfour\"\nparagraph \"five\"\n");
  test_html_check ("<p><b>a<br>b</b> c <br> d</p>", "paragraph \"a\nb c\nd\" b@0+3\n");
}

static void
test_lists (void)
{
  test_html_check ("<ul>\n  <li>One</li>\n  <li><b>Two</b> too</li>\n</ul>\n"
                   "<ol><li>First<li>Second</ol>",
                   "list |0 \"One\" |0 \"Two too\" b@0+3\n"
                   "list ordered |0 \"First\" |0 \"Second\"\n");
  /* Nested lists join the outer list's block, one level deeper. */
  test_html_check ("<ul><li>a<ul><li>a1</li><li>a2<ol><li>a2i</li></ol></li></ul>after a</li>"
                   "<li><p>b</p><p>b more</p></li><li></li></ul>",
                   "list |0 \"a\" |1 \"a1\" |1 \"a2\" |2 \"a2i\" |0 \"after a\" "
                   "|0 \"b\nb more\"\n");
  test_html_check ("<ol><li>x<ul><li>y</li></ul></li></ol>", "list ordered |0 \"x\" |1 \"y\"\n");
  test_html_check ("<ul><li> </li></ul><ul></ul>", "");
  /* An item outside any list is a paragraph. */
  test_html_check ("<li>loose</li>", "paragraph \"loose\"\n");
}

static void
test_deep_lists (void)
{
  GString *html = g_string_new (NULL);
  g_autoptr(GPtrArray) blocks = NULL;
  BroadsheetBlock *list;

  for (guint i = 0; i < 20; i++)
    g_string_append_printf (html, "<ul><li>level %u", i);
  blocks = test_html_parse (html->str, TEST_HTML_BASE);
  g_string_free (html, TRUE);

  g_assert_cmpuint (blocks->len, ==, 1);
  list = g_ptr_array_index (blocks, 0);
  g_assert_cmpint (broadsheet_block_get_kind (list), ==, BROADSHEET_BLOCK_LIST);
  g_assert_cmpuint (broadsheet_block_get_n_items (list), ==, 20);
  /* Depth is kept up to 8; deeper items stay at 8, in order. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *expected = g_strdup_printf ("level %u", i);

      g_assert_cmpstr (broadsheet_rich_text_get_text (broadsheet_block_get_item (list, i)), ==,
                       expected);
      g_assert_cmpuint (broadsheet_block_get_item_depth (list, i), ==, MIN (i, 8));
    }
}

static void
test_quotes (void)
{
  test_html_check ("<blockquote><p>First <i>para</i>.</p>\n<p>Second.</p></blockquote>",
                   "quote \"First para.\n\nSecond.\" i@6+4\n");
  test_html_check ("<blockquote><p>Words.</p>"
                   "<footer>— <cite>Ada Lovelace</cite>, 1843</footer></blockquote>",
                   "quote \"Words.\" by \"Ada Lovelace, 1843\"\n");
  test_html_check ("<blockquote><p>Words.</p><cite>Grace Hopper</cite></blockquote>",
                   "quote \"Words.\" by \"Grace Hopper\"\n");
  /* A cite inside the text is a title, shown in italics. */
  test_html_check ("<blockquote><p>As <cite>The Book</cite> says.</p></blockquote>",
                   "quote \"As The Book says.\" i@3+8\n");
  /* The tweet pattern: a last line opening with a dash names the speaker. */
  test_html_check ("<blockquote><p>Ship it.</p>&mdash; Someone (@someone) "
                   "<a href=\"https://x.example/1\">May 1</a></blockquote>",
                   "quote \"Ship it.\" by \"Someone (@someone) May 1\"\n");
  test_html_check ("<blockquote>Line one<br>-not a name</blockquote>",
                   "quote \"Line one\n-not a name\"\n");
  test_html_check ("<figure><blockquote>Be curious.</blockquote>"
                   "<figcaption>— Marie Curie</figcaption></figure>",
                   "quote \"Be curious.\" by \"Marie Curie\"\n");
  /* Lists and headings inside a quote become its lines. */
  test_html_check ("<blockquote><h3>Head</h3><ul><li>a</li><li>b</li></ul></blockquote>",
                   "quote \"Head\n\na\nb\"\n");
  test_html_check ("<blockquote> </blockquote>", "");
}

static void
test_figures (void)
{
  test_html_check ("<figure><img src=\"/img/a.jpg\" alt=\"A cat\" width=\"640\" height=\"480\">"
                   "<figcaption>The <b>cat</b>, asleep.</figcaption></figure>",
                   "image <https://example.org/img/a.jpg> alt \"A cat\" "
                   "caption \"The cat, asleep.\" 640x480\n");
  /* A caption may come first; links around the picture are fine. */
  test_html_check ("<figure><figcaption>Caption first</figcaption><a href=\"big.jpg\">"
                   "<img src=\"small.jpg\"></a></figure>",
                   "image <https://example.org/news/small.jpg> caption \"Caption first\"\n");
  /* A second picture in a figure is its own image. */
  test_html_check ("<figure><img src=\"1.jpg\"><img src=\"2.jpg\" alt=\"two\">"
                   "<figcaption>Both</figcaption></figure>",
                   "image <https://example.org/news/1.jpg> caption \"Both\"\n"
                   "image <https://example.org/news/2.jpg> alt \"two\"\n");
  test_html_check ("<figure><figcaption>Only words</figcaption></figure>",
                   "paragraph \"Only words\"\n");
  test_html_check ("<figure><iframe src=\"https://video.example/\"></iframe></figure>", "");
}

static void
test_images (void)
{
  test_html_check ("<img src=\"https://cdn.example/p.png\" alt=\"Only a picture\">",
                   "image <https://cdn.example/p.png> alt \"Only a picture\"\n");
  /* A picture inside a paragraph splits it. */
  test_html_check ("<p>Before <img src=\"p.png\" width=\"100\" height=\"50\"> after</p>",
                   "paragraph \"Before\"\nimage <https://example.org/news/p.png> 100x50\n"
                   "paragraph \"after\"\n");
  /* Width and height only when both are plain positive integers. */
  test_html_check ("<img src=a.png width=\"100px\" height=\"50\">"
                   "<img src=b.png width=\"-3\" height=\"4\">"
                   "<img src=c.png width=\"0\" height=\"0\">"
                   "<img src=d.png width=\" 300 \" height=\"200\">",
                   "image <https://example.org/news/a.png>\n"
                   "image <https://example.org/news/b.png>\n"
                   "image <https://example.org/news/c.png>\n"
                   "image <https://example.org/news/d.png> 300x200\n");
  /* Refused addresses keep the words; a picture with none is dropped. */
  test_html_check ("<img src=\"file:///etc/passwd\" alt=\"local\">"
                   "<img src=\"data:image/png;base64,AA\">"
                   "<figure><img src=\"javascript:x\"><figcaption>Caption kept</figcaption>"
                   "</figure>",
                   "image <(null)> alt \"local\"\nimage <(null)> caption \"Caption kept\"\n");
  /* Tracking pixels and emoji are not blocks; an emoji's words join the text. */
  test_html_check ("<p>Hi <img src=\"e.png\" alt=\"🙂\"> there"
                   "<img src=\"t.gif\" width=\"1\" height=\"1\"></p>",
                   "paragraph \"Hi 🙂 there\"\n");
  /* In a list a picture cannot be a block: its alt text stays. */
  test_html_check ("<ul><li><img src=\"x.png\" alt=\"diagram\"> explained</li></ul>",
                   "list |0 \"diagram explained\"\n");
}

static void
test_preformatted (void)
{
  test_html_check ("<pre>\nint main (void)\n{\n\treturn 0;   \n}\n\n</pre>",
                   "preformatted \"int main (void)\n{\n\treturn 0;   \n}\"\n");
  test_html_check ("<pre><code class=\"c\">if (a &lt; b &amp;&amp; c)\n"
                   "  x = <b>1</b>;</code></pre>",
                   "preformatted \"if (a < b && c)\n  x = 1;\"\n");
  /* Highlighting spans are dropped; line ends become \n (CR LF and CR too). */
  test_html_check ("<pre><span class=\"k\">let</span> <span>x</span>\r\n  = 1;\rend</pre>",
                   "preformatted \"let x\n  = 1;\nend\"\n");
  test_html_check ("<pre>   </pre><pre></pre>", "");
}

static void
test_rule (void)
{
  test_html_check ("<p>a</p><hr><p>b</p><hr/>", "paragraph \"a\"\nrule\nparagraph \"b\"\nrule\n");
}

static void
test_tables (void)
{
  test_html_check ("<table><caption>Sales</caption>"
                   "<thead><tr><th></th><th>Q1</th><th>Q2</th></tr></thead>"
                   "<tbody><tr><td>Widget A</td><td>$12</td><td>$14</td></tr>\n"
                   "<tr><td>Widget <i>B</i></td><td></td><td>$19</td></tr></tbody></table>",
                   "paragraph \"Sales\"\nparagraph \"Q1 · Q2\" b@0+2 b@5+2\n"
                   "paragraph \"Widget A · $12 · $14\"\nparagraph \"Widget B · $19\" i@7+1\n");
  /* A layout table holding paragraphs reads as paragraphs. */
  test_html_check ("<table><tr><td><p>One</p><p>Two</p></td></tr></table>",
                   "paragraph \"One\"\nparagraph \"Two\"\n");
}

static void
test_dropped (void)
{
  test_html_check ("<p>Safe<script>alert(1)</script> text<style>p { color: red }</style></p>"
                   "<noscript><p>Enable JS</p></noscript>"
                   "<iframe src=\"https://evil.example/\">frame</iframe>"
                   "<form><input value=\"v\"><button>Go</button>"
                   "<select><option>o</option></select><textarea>t</textarea></form>"
                   "<object>obj</object><template><p>tpl</p></template>"
                   "<svg><text>svg</text></svg><math><mi>x</mi></math><p>End</p>",
                   "paragraph \"Safe text\"\nparagraph \"End\"\n");
  /* libxml2 2.9 takes what follows an <embed> or <source> for its content. */
  test_html_check ("<p>a<embed src=\"x.swf\">b</p>"
                   "<picture><source srcset=\"p.webp\"><img src=\"p.jpg\"></picture>"
                   "<p>c<wbr>d</p>",
                   "paragraph \"ab\"\nimage <https://example.org/news/p.jpg>\nparagraph \"cd\"\n");
  /* Event handlers and style are never read; unknown elements keep their text. */
  test_html_check ("<p onclick=\"alert(1)\" style=\"display:none\" class=\"x\">Click "
                   "<blink onmouseover=\"x()\">me</blink> <custom-tag>too</custom-tag></p>",
                   "paragraph \"Click me too\"\n");
  test_html_check ("<head><title>Title</title><script>x</script></head><body><p>Body</p></body>",
                   "paragraph \"Body\"\n");
  /* Text is never read as markup. */
  test_html_check ("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;not bold&lt;/b&gt;</p>",
                   "paragraph \"<script>alert(1)</script> <b>not bold</b>\"\n");
}

static void
test_entities (void)
{
  test_html_check ("<p>&amp; &lt;b&gt; &#8212; &eacute; &#x1F600; &quot;q&quot; &apos;a&apos; "
                   "&copy;</p>",
                   "paragraph \"& <b> — é 😀 \"q\" 'a' ©\"\n");
  /* Unknown entities stay as written; bad numeric ones are dropped. */
  test_html_check ("<p>&bogus; x&#0;y &#xD800;z</p>", "paragraph \"&bogus; xy z\"\n");
}

static void
test_cdata (void)
{
  test_html_check ("<p><![CDATA[Tom & Jerry]]></p>", "paragraph \"Tom & Jerry\"\n");
  test_html_check ("  <![CDATA[<p>Wrapped <b>body</b></p>]]>\n",
                   "paragraph \"Wrapped body\" b@8+4\n");
  /* In code the markers are content. */
  test_html_check ("<p><code>&lt;![CDATA[ x ]]&gt;</code></p>",
                   "paragraph \"<![CDATA[ x ]]>\" code@0+15\n");
}

static void
test_misnested (void)
{
  /* libxml2 closes <i> at </b>, as HTML 4 parsers did; spans still nest. */
  test_html_check ("<p><b>bold <i>both</b> italic</i></p>",
                   "paragraph \"bold both italic\" b@0+9 i@5+4\n");
  test_html_check ("<p>unclosed <b>bold<p>next para",
                   "paragraph \"unclosed bold\" b@9+4\nparagraph \"next para\"\n");
  test_html_check ("<ul><li>a<li>b</ul></li></ul><p>after</p></div></span>",
                   "list |0 \"a\" |0 \"b\"\nparagraph \"after\"\n");
  /* A run of bold across a paragraph break is bold on both sides. */
  test_html_check ("<b>one<div>two</div>three</b>",
                   "paragraph \"one\" b@0+3\nparagraph \"two\" b@0+3\nparagraph \"three\" b@0+5\n");
}

static void
test_smart_brevity (void)
{
  test_html_check ("<p><strong>Why it matters:</strong> Rates are <em>rising</em>.</p>",
                   "paragraph [Why it matters:] \"Rates are rising.\" i@10+6\n");
  /* The colon may sit just outside the bold run, or inside with a space. */
  test_html_check ("<p><b>The big picture</b>: wide.</p><p><b>Yes, but: </b>narrow.</p>",
                   "paragraph [The big picture:] \"wide.\"\nparagraph [Yes, but:] \"narrow.\"\n");
  /* A span around both label and text keeps the text's part. */
  test_html_check ("<p><a href=\"/s\"><b>Driving the news:</b> the vote</a> today.</p>",
                   "paragraph [Driving the news:] \"the vote today.\" "
                   "a@0+8=https://example.org/s\n");
  /* A label on its own names the list that follows. */
  test_html_check ("<p><strong>What they're saying:</strong></p>"
                   "<ul><li>One</li><li>Two</li></ul>",
                   "list [What they're saying:] |0 \"One\" |0 \"Two\"\n");
  /* Not labels: no colon, not at the start, or alone before a paragraph. */
  test_html_check ("<p><b>Bold</b> start.</p><p>Then <b>mid:</b> text</p>"
                   "<p><b>Note:</b></p><p>x</p>",
                   "paragraph \"Bold start.\" b@0+4\nparagraph \"Then mid: text\" b@5+4\n"
                   "paragraph \"Note:\" b@0+5\nparagraph \"x\"\n");
  /* Nor a whole bold sentence, longer than a label (60 characters). */
  test_html_check ("<p><b>This is a whole bold sentence that happens to end in a colon:</b> "
                   "x</p>",
                   "paragraph \"This is a whole bold sentence that happens to end in a colon: x\" "
                   "b@0+61\n");
}

static void
test_go_deeper (void)
{
  test_html_check ("<p><b>Go deeper:</b> <a href=\"/story/2\">The full <i>report</i></a></p>",
                   "go-deeper [Go deeper:] \"The full report\" <https://example.org/story/2>\n");
  test_html_check ("<p><strong>Go deeper (2 min. read):</strong> "
                   "<a href=\"https://a.example/\">A</a></p>",
                   "go-deeper [Go deeper (2 min. read):] \"A\" <https://a.example/>\n");
  /* More than the one link, or a link that is not to the web: a labelled paragraph. */
  test_html_check ("<p><b>Go deeper:</b> <a href=\"/a\">A</a> and <a href=\"/b\">B</a></p>",
                   "paragraph [Go deeper:] \"A and B\" a@0+1=https://example.org/a "
                   "a@6+1=https://example.org/b\n");
  test_html_check ("<p><b>Go deeper:</b> <a href=\"javascript:x\">Bad</a></p>",
                   "paragraph [Go deeper:] \"Bad\"\n");
  test_html_check ("<p><b>Go deeper:</b> <a href=\"mailto:a@example.org\">Mail</a></p>",
                   "paragraph [Go deeper:] \"Mail\" a@0+4=mailto:a@example.org\n");
}

static void
test_append (void)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  BroadsheetBlock *first = broadsheet_block_new (BROADSHEET_BLOCK_RULE);
  g_autofree char *description = NULL;

  /* Blocks are appended after what the array holds. */
  g_ptr_array_add (blocks, first);
  broadsheet_html_append_blocks ("<p><b>Why:</b> because</p>", 26, TEST_HTML_BASE, blocks);
  description = test_html_describe (blocks, G_MAXUINT);
  g_assert_cmpstr (description, ==, "rule\nparagraph [Why:] \"because\"\n");
  g_assert_true (g_ptr_array_index (blocks, 0) == first);
}

static void
test_element_names (void)
{
  /* Every name in the allow-list is found, so its table is in order. */
  static const char * const known[] = {
    "a", "address", "applet", "article", "aside", "audio", "b", "blockquote", "body", "br",
    "button", "canvas", "caption", "center", "cite", "code", "datalist", "dd", "details", "dfn",
    "dir", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "form", "frame",
    "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i",
    "iframe", "img", "input", "kbd", "li", "listing", "main", "map", "math", "menu", "nav",
    "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "samp",
    "script", "section", "select", "strong", "style", "summary", "svg", "table", "tbody", "td",
    "template", "textarea", "tfoot", "th", "thead", "title", "tr", "tt", "ul", "var", "video",
    "xmp",
  };
  static const char * const walked_through[] = {
    "span", "embed", "source", "track", "wbr", "sup", "custom-tag",
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      xmlNode *node = xmlNewNode (NULL, (const xmlChar *)known[i]);

      if (broadsheet_html_element_kind (node) == BROADSHEET_HTML_INLINE)
        g_error ("<%s> is not in the allow-list", known[i]);
      xmlFreeNode (node);
    }
  for (guint i = 0; i < G_N_ELEMENTS (walked_through); i++)
    {
      xmlNode *node = xmlNewNode (NULL, (const xmlChar *)walked_through[i]);

      g_assert_cmpint (broadsheet_html_element_kind (node), ==, BROADSHEET_HTML_INLINE);
      xmlFreeNode (node);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html-blocks/paragraphs", test_paragraphs);
  g_test_add_func ("/html-blocks/headings", test_headings);
  g_test_add_func ("/html-blocks/inline-styles", test_inline_styles);
  g_test_add_func ("/html-blocks/links", test_links);
  g_test_add_func ("/html-blocks/breaks", test_breaks);
  g_test_add_func ("/html-blocks/lists", test_lists);
  g_test_add_func ("/html-blocks/deep-lists", test_deep_lists);
  g_test_add_func ("/html-blocks/quotes", test_quotes);
  g_test_add_func ("/html-blocks/figures", test_figures);
  g_test_add_func ("/html-blocks/images", test_images);
  g_test_add_func ("/html-blocks/preformatted", test_preformatted);
  g_test_add_func ("/html-blocks/rule", test_rule);
  g_test_add_func ("/html-blocks/tables", test_tables);
  g_test_add_func ("/html-blocks/dropped", test_dropped);
  g_test_add_func ("/html-blocks/entities", test_entities);
  g_test_add_func ("/html-blocks/cdata", test_cdata);
  g_test_add_func ("/html-blocks/misnested", test_misnested);
  g_test_add_func ("/html-blocks/smart-brevity", test_smart_brevity);
  g_test_add_func ("/html-blocks/go-deeper", test_go_deeper);
  g_test_add_func ("/html-blocks/append", test_append);
  g_test_add_func ("/html-blocks/element-names", test_element_names);

  return g_test_run ();
}
