/* bench-feed.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bench-feed.h"

#include <string.h>

/* Words from several scripts, so folding, shaping and UTF-8 handling all get
 * exercised. A few carry characters that must be escaped in JSON or HTML.
 */
static const char *const words[] = {
  "harbour", "council", "ferry", "budget", "school", "river", "bridge", "market", "winter",
  "station", "library", "festival", "election", "hospital", "weather", "report", "island",
  "museum", "railway", "tenants", "workers", "fishing", "storm", "vote", "plan", "night",
  "the", "a", "of", "and", "to", "in", "for", "with", "after", "before", "new", "old", "first",
  "says", "will", "could", "would", "more", "than", "about", "over", "under", "between",
  "café", "naïve", "Zürich", "façade", "São Paulo", "Łódź", "Ærøskøbing", "straße",
  "Ελλάδα", "αθλητές", "Москва", "новости", "東京", "新聞", "서울", "עיתון", "الأخبار",
  "—", "“quoted”", "5 °C", "£2.50", "€40", "½", "📰", "AT&T", "<b>", "\"scare\"", "back\\slash",
};

static const char *const kickers[] = {
  "Transport", "Politics", "Weather", "Business", "Culture", "Science", "Health", "Sport",
};

static const char *const labels[] = {
  "Why it matters:", "Context:", "The big picture:", "Between the lines:", "Yes, but:",
  "What's next:",
};

static const char *const names[] = {
  "Tamsin Rowe", "Idris Penhale", "Mei Lin", "José Álvarez", "Ngozi Okafor", "Søren Kierkegaard",
  "Αλέξης Παππάς", "Дмитрий Орлов",
};

typedef struct
{
  GString *out;
  GRand   *rand;
  gboolean html;
} Writer;

static const char *
pick (Writer            *w,
      const char *const *list,
      guint              n)
{
  return list[g_rand_int_range (w->rand, 0, (gint32) n)];
}

#define PICK(w, list) pick ((w), (list), G_N_ELEMENTS (list))

/* Appends text escaped for a JSON string, and for HTML too when writing
 * JSON Feed's content_html.
 */
static void
put_text (Writer     *w,
          const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (w->html && c == '<')
        g_string_append (w->out, "&lt;");
      else if (w->html && c == '>')
        g_string_append (w->out, "&gt;");
      else if (w->html && c == '&')
        g_string_append (w->out, "&amp;");
      else if (c == '"')
        g_string_append (w->out, "\\\"");
      else if (c == '\\')
        g_string_append (w->out, "\\\\");
      else
        g_string_append_c (w->out, c);
    }
}

/* Appends a sentence of about n_words words; returns its length in bytes. */
static gsize
put_sentence (Writer *w,
              guint   n_words)
{
  gsize start = w->out->len;
  GString *s = g_string_new (NULL);
  gboolean html = w->html;

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, PICK (w, words));
    }
  s->str[0] = g_ascii_toupper (s->str[0]);
  g_string_append_c (s, '.');

  w->html = html;
  put_text (w, s->str);
  g_string_free (s, TRUE);
  return w->out->len - start;
}

static void
put_member (Writer     *w,
            const char *name,
            const char *value)
{
  g_string_append_printf (w->out, "\"%s\": \"", name);
  put_text (w, value);
  g_string_append (w->out, "\", ");
}

static char *
make_sentence (Writer *w,
               guint   n_words)
{
  GString *saved = w->out;
  gboolean html = w->html;
  char *text;

  w->out = g_string_new (NULL);
  w->html = FALSE;
  put_sentence (w, n_words);
  text = g_string_free (w->out, FALSE);
  w->out = saved;
  w->html = html;
  return text;
}

/* The sentence as it appears unescaped, for members that escape on output. */
static char *
plain_sentence (Writer *w,
                guint   n_words)
{
  g_autofree char *escaped = make_sentence (w, n_words);
  GString *plain = g_string_new (NULL);

  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

static char *
published (guint index)
{
  g_autoptr(GDateTime) base = g_date_time_new_utc (2026, 11, 27, 18, 0, 0);
  g_autoptr(GDateTime) when = g_date_time_add_seconds (base, -60.0 * index);

  return g_date_time_format_iso8601 (when);
}

/* --- story JSON --------------------------------------------------------- */

static void
put_paragraph (Writer     *w,
               const char *label,
               guint       n_words)
{
  gsize length;

  g_string_append (w->out, "{\"type\": \"paragraph\", ");
  if (label != NULL)
    put_member (w, "label", label);
  g_string_append (w->out, "\"text\": \"");
  length = put_sentence (w, n_words);
  g_string_append (w->out, "\"");
  if (label == NULL && length > 40)
    g_string_append (w->out, ", \"spans\": [{\"offset\": 0, \"length\": 6, \"style\": \"bold\"}, "
                             "{\"offset\": 10, \"length\": 8, \"style\": \"italic\"}]");
  g_string_append (w->out, "}, ");
}

static void
put_story_json_body (Writer *w,
                     guint   index)
{
  guint n_paragraphs = 2 + g_rand_int_range (w->rand, 0, 4);

  g_string_append (w->out, "\"body\": [");
  put_paragraph (w, NULL, 22);
  put_paragraph (w, PICK (w, labels), 18);

  g_string_append (w->out, "{\"type\": \"list\", \"label\": \"What else we know:\", \"items\": [\"");
  put_sentence (w, 10);
  g_string_append (w->out, "\", \"");
  put_sentence (w, 12);
  g_string_append (w->out, "\", {\"text\": \"");
  put_sentence (w, 8);
  g_string_append (w->out, "\", \"spans\": [{\"offset\": 0, \"length\": 3, \"style\": \"bold\"}]}]}, ");

  for (guint i = 0; i < n_paragraphs; i++)
    {
      if (i == 2)
        {
          g_string_append (w->out, "{\"type\": \"quote\", \"text\": \"");
          put_sentence (w, 18);
          g_string_append (w->out, "\", ");
          put_member (w, "attribution", PICK (w, names));
          g_string_truncate (w->out, w->out->len - 2);
          g_string_append (w->out, "}, ");
        }
      if (i == 4)
        {
          g_string_append (w->out, "{\"type\": \"heading\", \"text\": \"");
          put_sentence (w, 4);
          g_string_append (w->out, "\"}, ");
        }
      put_paragraph (w, NULL, 18 + g_rand_int_range (w->rand, 0, 18));
    }

  g_string_append_printf (w->out,
                          "{\"type\": \"go_deeper\", \"title\": \"Earlier: story %u\", "
                          "\"url\": \"https://example.org/news/%u\"}]",
                          index + 1, index + 1);
}

static void
put_story_json_story (Writer     *w,
                      guint       index,
                      const char *photo_base)
{
  g_autofree char *date = published (index);

  g_string_append_printf (w->out,
                          "{\"id\": \"story-%u\", \"url\": \"https://example.org/news/%u\", ",
                          index, index);
  put_member (w, "kicker", PICK (w, kickers));
  g_string_append (w->out, "\"headline\": \"");
  put_sentence (w, 8 + g_rand_int_range (w->rand, 0, 6));
  g_string_append (w->out, "\", \"summary\": \"");
  put_sentence (w, 20);
  g_string_append_printf (w->out, "\", \"published\": \"%s\", \"authors\": [\"%s\"], "
                          "\"topics\": [\"%s\", \"%s\"], ",
                          date, PICK (w, names), PICK (w, kickers), PICK (w, kickers));
  if (photo_base != NULL)
    {
      g_string_append_printf (w->out, "\"lead_photo\": {\"url\": \"%s%u.jpg\", \"caption\": \"",
                              photo_base, index);
      put_sentence (w, 12);
      g_string_append (w->out, "\", \"credit\": \"Photo: Broadsheet bench\", \"alt\": \"");
      put_sentence (w, 10);
      g_string_append (w->out, "\", \"width\": 800, \"height\": 500}, ");
    }
  put_story_json_body (w, index);
  g_string_append (w->out, "}");
}

/* --- JSON Feed ---------------------------------------------------------- */

static void
put_html_paragraph (Writer     *w,
                    const char *label,
                    guint       n_words)
{
  g_autofree char *text = plain_sentence (w, n_words);

  g_string_append (w->out, "<p>");
  if (label != NULL)
    {
      g_string_append (w->out, "<strong>");
      put_text (w, label);
      g_string_append (w->out, "</strong> ");
      put_text (w, text);
    }
  else
    {
      /* A bold and an italic run, as real bodies have. */
      const char *space = strchr (text, ' ');
      gsize head = space != NULL ? (gsize) (space - text) : strlen (text);
      g_autofree char *first = g_strndup (text, head);

      g_string_append (w->out, "<b>");
      put_text (w, first);
      g_string_append (w->out, "</b><em>");
      put_text (w, text + head);
      g_string_append (w->out, "</em>");
    }
  g_string_append (w->out, "</p>");
}

static void
put_html_text (Writer *w,
               guint   n_words)
{
  g_autofree char *text = plain_sentence (w, n_words);

  put_text (w, text);
}

static void
put_json_feed_item (Writer     *w,
                    guint       index,
                    const char *photo_base)
{
  g_autofree char *date = published (index);
  guint n_paragraphs = 2 + g_rand_int_range (w->rand, 0, 4);

  g_string_append_printf (w->out,
                          "{\"id\": \"item-%u\", \"url\": \"https://example.org/news/%u\", ",
                          index, index);
  g_string_append (w->out, "\"title\": \"");
  put_sentence (w, 8 + g_rand_int_range (w->rand, 0, 6));
  g_string_append (w->out, "\", \"summary\": \"");
  put_sentence (w, 20);
  g_string_append_printf (w->out, "\", \"date_published\": \"%s\", "
                          "\"authors\": [{\"name\": \"%s\"}], \"tags\": [\"%s\", \"%s\"], ",
                          date, PICK (w, names), PICK (w, kickers), PICK (w, kickers));
  if (photo_base != NULL)
    g_string_append_printf (w->out, "\"image\": \"%s%u.jpg\", ", photo_base, index);

  g_string_append (w->out, "\"content_html\": \"");
  w->html = TRUE;
  put_html_paragraph (w, NULL, 22);
  put_html_paragraph (w, PICK (w, labels), 18);
  g_string_append (w->out, "<p><strong>What else we know:</strong></p><ul><li>");
  put_html_text (w, 10);
  g_string_append (w->out, "</li><li>");
  put_html_text (w, 12);
  g_string_append (w->out, "</li><li>");
  put_html_text (w, 8);
  g_string_append (w->out, "</li></ul>");
  for (guint i = 0; i < n_paragraphs; i++)
    {
      if (i == 2)
        {
          g_string_append (w->out, "<blockquote><p>");
          put_html_text (w, 18);
          g_string_append (w->out, "</p><cite>");
          put_text (w, PICK (w, names));
          g_string_append (w->out, "</cite></blockquote>");
        }
      if (i == 4)
        {
          g_string_append (w->out, "<h2>");
          put_html_text (w, 4);
          g_string_append (w->out, "</h2>");
        }
      put_html_paragraph (w, NULL, 18 + g_rand_int_range (w->rand, 0, 18));
    }
  g_string_append_printf (w->out,
                          "<p>Go deeper: <a href=\\\"https://example.org/news/%u\\\">"
                          "Earlier: story %u</a></p>",
                          index + 1, index + 1);
  w->html = FALSE;
  g_string_append (w->out, "\"}");
}

GBytes *
bench_feed_generate (BenchFeedFormat  format,
                     guint            n_stories,
                     guint32          seed,
                     const char      *photo_base)
{
  Writer w = { g_string_sized_new (3600 * (gsize) n_stories + 512), g_rand_new_with_seed (seed), FALSE };

  if (format == BENCH_FEED_STORY_JSON)
    g_string_append (w.out, "{\"format\": \"broadsheet-story-json\", \"version\": 1, "
                            "\"title\": \"Bench Stories\", "
                            "\"home_page_url\": \"https://example.org/news/\", \"stories\": [\n");
  else
    g_string_append (w.out, "{\"version\": \"https://jsonfeed.org/version/1.1\", "
                            "\"title\": \"Bench Feed\", "
                            "\"home_page_url\": \"https://example.org/news/\", \"items\": [\n");

  for (guint i = 0; i < n_stories; i++)
    {
      if (i > 0)
        g_string_append (w.out, ",\n");
      if (format == BENCH_FEED_STORY_JSON)
        put_story_json_story (&w, i, photo_base);
      else
        put_json_feed_item (&w, i, photo_base);
    }
  g_string_append (w.out, "\n]}\n");

  g_rand_free (w.rand);
  return g_string_free_to_bytes (w.out);
}
