/* broadsheet-feed-reader.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-feed-reader.h"
#include "broadsheet-parallel.h"

/* Reads a feed's list of stories on every core, then adds them to the
 * document in the feed's order, skipping repeated ids there.
 *
 * The list comes either as parsed JSON, or, for a big feed, as the bytes of
 * each story (broadsheet_json_check_outline()): each thread then parses one
 * story at a time with its own JsonParser and frees it once read, so the
 * whole feed never exists as one json-glib tree, which takes about eight
 * times the feed's size (docs/performance.md).
 */

/* Lists shorter than this are read on the calling thread. */
#define MIN_PARALLEL 64

typedef struct
{
  BroadsheetStory *story;
  char            *skip_reason;
} Element;

typedef struct
{
  BroadsheetFeedReader *reader;
  Element              *elements;
  JsonArray            *array;     /* Parsed elements, or: */
  const char           *data;      /* the bytes, and */
  GArray               *spans;     /* where each element lies in them. */
} Read;

void
broadsheet_feed_reader_clear (BroadsheetFeedReader *reader)
{
  g_clear_object (&reader->document);
  if (reader->data_free != NULL)
    g_clear_pointer (&reader->data, reader->data_free);
}

static void
read_parsed (guint    index,
             gpointer thread_state,
             gpointer user_data)
{
  Read *read = user_data;
  Element *element = &read->elements[index];

  element->story = read->reader->read_element (json_array_get_element (read->array, index), index,
                                               read->reader->data, &element->skip_reason);
  if (element->story != NULL)
    broadsheet_story_get_digest (element->story);
}

static void
parser_init (gpointer state,
             gpointer user_data)
{
  *(JsonParser **) state = json_parser_new ();
}

static void
read_bytes (guint    index,
            gpointer thread_state,
            gpointer user_data)
{
  Read *read = user_data;
  Element *element = &read->elements[index];
  BroadsheetJsonSpan *span = &g_array_index (read->spans, BroadsheetJsonSpan, index);
  JsonParser *parser = thread_state;

  /* The bytes passed the strict check as part of the whole document, so
   * json-glib cannot fail on them.
   */
  if (!json_parser_load_from_data (parser, read->data + span->start,
                                   (gssize) (span->end - span->start), NULL))
    g_return_if_reached ();

  element->story = read->reader->read_element (json_parser_get_root (parser), index,
                                               read->reader->data, &element->skip_reason);
  if (element->story != NULL)
    broadsheet_story_get_digest (element->story);
}

/* Adds the elements read to the document in order; takes them. */
static BroadsheetFeedDocument *
add_in_order (BroadsheetFeedReader *reader,
              Element              *elements,
              guint                 n)
{
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BroadsheetStory) story = g_steal_pointer (&elements[i].story);
      g_autofree char *reason = g_steal_pointer (&elements[i].skip_reason);

      if (story != NULL && !g_hash_table_add (seen_ids, (gpointer) broadsheet_story_get_id (story)))
        reason = reader->repeat_reason (i + 1);
      else if (story != NULL)
        {
          broadsheet_feed_document_add_story (reader->document, story);
          continue;
        }
      broadsheet_feed_document_skip (reader->document, "%s", reason);
    }

  return g_object_ref (reader->document);
}

/* Reads @elements, the feed's list as parsed JSON. */
BroadsheetFeedDocument *
broadsheet_feed_reader_read_array (BroadsheetFeedReader *reader,
                                   JsonArray            *elements)
{
  guint n = json_array_get_length (elements);
  g_autofree Element *read_elements = g_new0 (Element, n);
  Read read = { reader, read_elements, elements, NULL, NULL };

  broadsheet_parallel_for (n, MIN_PARALLEL, read_parsed, NULL, NULL, &read);
  return add_in_order (reader, read_elements, n);
}

/* Reads the feed's list from @data, where @spans (BroadsheetJsonSpan) say
 * each element lies; @data must have passed broadsheet_json_check_outline().
 */
BroadsheetFeedDocument *
broadsheet_feed_reader_read_spans (BroadsheetFeedReader *reader,
                                   const char           *data,
                                   GArray               *spans)
{
  g_autofree Element *read_elements = g_new0 (Element, spans->len);
  Read read = { reader, read_elements, NULL, data, spans };

  broadsheet_parallel_for (spans->len, MIN_PARALLEL, read_bytes, parser_init, g_object_unref,
                           &read);
  return add_in_order (reader, read_elements, spans->len);
}

/* Reads a feed parsed whole: its own fields with @begin, then its list. */
BroadsheetFeedDocument *
broadsheet_feed_reader_read (BroadsheetFeedBeginFunc   begin,
                             JsonObject               *root,
                             const char               *base_uri,
                             GError                  **error)
{
  BroadsheetFeedReader reader = { 0 };
  BroadsheetFeedDocument *document;

  g_return_val_if_fail (root != NULL, NULL);

  if (!begin (root, base_uri, &reader, error))
    return NULL;

  document = broadsheet_feed_reader_read_array (&reader,
                                                json_object_get_array_member (root,
                                                                              reader.list_member));
  broadsheet_feed_reader_clear (&reader);
  return document;
}
