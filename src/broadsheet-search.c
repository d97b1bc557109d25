/* broadsheet-search.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <string.h>

#include "broadsheet-search.h"

/* Search that ignores case and accents: "cafe" finds "Café", "CRÈME" finds
 * "crème", "strasse" finds "Straße". Text and query are both folded: each
 * character is decomposed (compatibility too, so "ﬁ" is "fi"), its
 * non-spacing marks (accents, Arabic vowel marks) dropped, and the rest
 * lowercased. Folding one character at a time keeps a map back to the
 * original text, so matches can be highlighted where they are.
 */

/* A quark, not a string key: every search looks it up on every story, and a
 * string key is looked up in GLib's quark table under a global lock.
 */
static G_DEFINE_QUARK (broadsheet-search-text, search_text)

static void
append_folded (GString  *out,
               gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));

  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];

      if (g_unichar_type (d) == G_UNICODE_NON_SPACING_MARK)
        continue;

      /* The full case folds that simple lowercasing misses. */
      if (d == 0x00DF || d == 0x1E9E)
        g_string_append (out, "ss");
      else if (d == 0x03C2)
        g_string_append_unichar (out, 0x03C3);
      else
        g_string_append_unichar (out, g_unichar_tolower (d));
    }
}

/* Returns @text folded for search. When @offsets is given, it receives for
 * each byte of the result the byte offset in @text of the character it
 * came from, plus one final entry for the end of @text.
 */
char *
broadsheet_search_fold (const char *text,
                        gssize      length,
                        GArray     *offsets)
{
  const char *end;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  end = text + (length < 0 ? strlen (text) : (gsize)length);
  out = g_string_sized_new (end - text);

  for (const char *p = text, *next; p < end; p = next)
    {
      gsize before = out->len;

      /* ASCII folds to itself, lowercased: no decomposition, no marks.
       * Most feed text is, and this makes the first search of 100,000
       * stories several times faster (docs/performance.md).
       */
      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          next = p + 1;
        }
      else
        {
          append_folded (out, g_utf8_get_char (p));
          next = g_utf8_next_char (p);
        }
      if (offsets != NULL)
        for (gsize i = before; i < out->len; i++)
          {
            gsize offset = p - text;

            g_array_append_val (offsets, offset);
          }
    }

  if (offsets != NULL)
    {
      gsize offset = end - text;

      g_array_append_val (offsets, offset);
    }
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full): every match of @folded_query in @text, as byte
 * ranges of @text, in order and not overlapping.
 */
GArray *
broadsheet_search_find (const char *text,
                        const char *folded_query)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (BroadsheetSearchMatch));
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *folded = NULL;
  gsize query_length;

  g_return_val_if_fail (text != NULL, matches);

  if (folded_query == NULL || *folded_query == '\0')
    return matches;

  offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  folded = broadsheet_search_fold (text, -1, offsets);
  query_length = strlen (folded_query);

  for (const char *hit = strstr (folded, folded_query); hit != NULL;
       hit = strstr (hit + query_length, folded_query))
    {
      gsize first = hit - folded;
      gsize last = first + query_length;
      BroadsheetSearchMatch match;

      match.start = g_array_index (offsets, gsize, first);
      /* The match ends with the original character its last byte came from. */
      match.end = g_array_index (offsets, gsize, last - 1);
      match.end = g_utf8_next_char (text + match.end) - text;
      if (matches->len > 0 && g_array_index (matches, BroadsheetSearchMatch, matches->len - 1).end > match.start)
        continue;
      g_array_append_val (matches, match);
    }

  return matches;
}

static void
append_rich_text (GString                  *text,
                  const BroadsheetRichText *rich_text)
{
  if (rich_text != NULL)
    {
      g_string_append (text, broadsheet_rich_text_get_text (rich_text));
      g_string_append_c (text, '\n');
    }
}

static void
append_optional (GString    *text,
                 const char *part)
{
  if (part != NULL)
    {
      g_string_append (text, part);
      g_string_append_c (text, '\n');
    }
}

static char *
collect_search_text (BroadsheetStory *story)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const *authors = broadsheet_story_get_authors (story);
  const char * const *topics = broadsheet_story_get_topics (story);

  append_optional (text, broadsheet_story_get_headline (story));
  append_optional (text, broadsheet_story_get_kicker (story));
  append_optional (text, broadsheet_story_get_summary (story));
  for (guint i = 0; authors != NULL && authors[i] != NULL; i++)
    append_optional (text, authors[i]);
  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    append_optional (text, topics[i]);

  for (guint i = 0; i < broadsheet_story_get_n_blocks (story); i++)
    {
      BroadsheetBlock *block = broadsheet_story_get_block (story, i);

      append_optional (text, broadsheet_block_get_label (block));
      append_rich_text (text, broadsheet_block_get_text (block));
      for (guint j = 0; j < broadsheet_block_get_n_items (block); j++)
        append_rich_text (text, broadsheet_block_get_item (block, j));
      append_optional (text, broadsheet_block_get_attribution (block));
      append_optional (text, broadsheet_block_get_title (block));
    }

  return broadsheet_search_fold (text->str, text->len, NULL);
}

/* Returns: the story's searchable text (headline, kicker, summary, authors,
 * topics and body), folded, worked out once and kept with the story.
 */
const char *
broadsheet_story_get_search_text (BroadsheetStory *story)
{
  const char *text;

  g_return_val_if_fail (BROADSHEET_IS_STORY (story), NULL);

  text = g_object_get_qdata (G_OBJECT (story), search_text_quark ());
  if (text == NULL)
    {
      char *collected = collect_search_text (story);

      g_object_set_qdata_full (G_OBJECT (story), search_text_quark (), collected, g_free);
      text = collected;
    }
  return text;
}

gboolean
broadsheet_story_matches (BroadsheetStory *story,
                          const char      *folded_query)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (story), FALSE);

  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;
  return strstr (broadsheet_story_get_search_text (story), folded_query) != NULL;
}
