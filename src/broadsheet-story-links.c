/* broadsheet-story-links.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-story-links.h"
#include "broadsheet-uri.h"

/* The links a reader can open by number (1 to 9): the story's "Go deeper"
 * links first, as the story offers them as its further reading, then the
 * links in its text in reading order. Only web links count, each once.
 */

static void
add_link (GPtrArray  *links,
          GHashTable *seen,
          const char *url)
{
  if (url == NULL || !broadsheet_uri_is_web_link (url, FALSE) || g_hash_table_contains (seen, url))
    return;

  g_hash_table_add (seen, (gpointer)url);
  g_ptr_array_add (links, g_strdup (url));
}

static void
add_text_links (GPtrArray                *links,
                GHashTable               *seen,
                const BroadsheetRichText *text)
{
  if (text == NULL)
    return;

  for (guint i = 0; i < broadsheet_rich_text_get_n_spans (text); i++)
    {
      const BroadsheetSpan *span = broadsheet_rich_text_get_span (text, i);

      if (span->style == BROADSHEET_SPAN_LINK)
        add_link (links, seen, span->url);
    }
}

/* Returns: (transfer full): the story's web links, "Go deeper" first. */
GStrv
broadsheet_story_dup_links (BroadsheetStory *story)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_blocks;

  g_return_val_if_fail (BROADSHEET_IS_STORY (story), NULL);

  n_blocks = broadsheet_story_get_n_blocks (story);

  for (guint i = 0; i < n_blocks; i++)
    {
      BroadsheetBlock *block = broadsheet_story_get_block (story, i);

      if (broadsheet_block_get_kind (block) == BROADSHEET_BLOCK_GO_DEEPER)
        add_link (links, seen, broadsheet_block_get_url (block));
    }

  for (guint i = 0; i < n_blocks; i++)
    {
      BroadsheetBlock *block = broadsheet_story_get_block (story, i);

      add_text_links (links, seen, broadsheet_block_get_text (block));
      for (guint j = 0; j < broadsheet_block_get_n_items (block); j++)
        add_text_links (links, seen, broadsheet_block_get_item (block, j));
    }

  g_ptr_array_add (links, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&links), FALSE);
}
