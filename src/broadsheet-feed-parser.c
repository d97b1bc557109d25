/* broadsheet-feed-parser.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "broadsheet-feed-parser.h"
#include "broadsheet-json-check.h"
#include "broadsheet-json-feed.h"
#include "broadsheet-json-util.h"
#include "broadsheet-parallel.h"
#include "broadsheet-story-json-private.h"
#include "broadsheet-story-json.h"

/* Turns the bytes of a feed into a BroadsheetFeedDocument. The bytes are
 * checked strictly against the JSON grammar (json-glib 1.6 accepts some
 * invalid documents and overflows its stack on deep nesting), repaired to
 * valid UTF-8, parsed with json-glib, and handed to the reader for the document's format.
 * Everything here is safe to run on a worker thread.
 */

G_DEFINE_QUARK (broadsheet-feed-error-quark, broadsheet_feed_error)

/* A web page or an RSS or Atom feed opens with "<" after white space. */
static gboolean
looks_like_markup (const char *data,
                   gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && data[i] == '<';
}

/* From this size on, a feed's stories are parsed one by one from their
 * bytes rather than as one tree (see broadsheet-feed-reader.c).
 */
#define SPLIT_MIN_SIZE (256 * 1024)

/* The feed's bytes, checked, repaired to valid UTF-8 if need be, and for a
 * big feed outlined: where each root array's elements lie.
 */
typedef struct
{
  const char *data;
  gsize       length;
  char       *repaired;
  GPtrArray  *root_arrays;  /* BroadsheetJsonRootArray, or NULL. */
} Checked;

static void
checked_clear (Checked *checked)
{
  g_clear_pointer (&checked->repaired, g_free);
  g_clear_pointer (&checked->root_arrays, g_ptr_array_unref);
}

static gboolean
check_bytes (GBytes   *bytes,
             Checked  *checked,
             GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray **outline = NULL;

  checked->data = g_bytes_get_data (bytes, &checked->length);
  if (checked->data == NULL)
    checked->data = "";

  if (looks_like_markup (checked->data, checked->length))
    {
      g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED,
                           _("This is a web page or an XML document, not a JSON feed"));
      return FALSE;
    }

  if (checked->length >= SPLIT_MIN_SIZE)
    outline = &checked->root_arrays;

  /* Check the bytes as they came, so a NUL is refused rather than repaired,
   * then repair bad UTF-8 inside strings, which cannot break the syntax but
   * moves what follows: the outline is then taken again.
   */
  if (broadsheet_json_check_outline (checked->data, checked->length,
                                     BROADSHEET_JSON_CHECK_MAX_DEPTH, outline, &local_error) &&
      !g_utf8_validate_len (checked->data, checked->length, NULL))
    {
      checked->repaired = g_utf8_make_valid (checked->data, checked->length);
      checked->data = checked->repaired;
      checked->length = strlen (checked->repaired);
      if (outline != NULL)
        {
          g_clear_pointer (outline, g_ptr_array_unref);
          broadsheet_json_check_outline (checked->data, checked->length,
                                         BROADSHEET_JSON_CHECK_MAX_DEPTH, outline, NULL);
        }
    }

  if (local_error != NULL)
    {
      g_set_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON,
                   _("This feed is not valid JSON: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

static JsonNode *
parse_json (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON,
                   _("This feed is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

/* The biggest array of the root object, the feed's list of stories if it is
 * a feed; NULL when there is none worth splitting off.
 */
static BroadsheetJsonRootArray *
biggest_root_array (Checked *checked)
{
  BroadsheetJsonRootArray *biggest = NULL;

  for (guint i = 0; checked->root_arrays != NULL && i < checked->root_arrays->len; i++)
    {
      BroadsheetJsonRootArray *array = g_ptr_array_index (checked->root_arrays, i);

      /* A name given twice: json-glib keeps the last, so parse it all. */
      for (guint j = 0; j < i; j++)
        if (g_str_equal (array->name,
                         ((BroadsheetJsonRootArray *) g_ptr_array_index (checked->root_arrays, j))->name))
          return NULL;

      if (biggest == NULL ||
          array->span.end - array->span.start > biggest->span.end - biggest->span.start)
        biggest = array;
    }

  return biggest;
}

/* The document with @array's contents left out: the feed's own fields. */
static char *
skeleton_of (Checked                 *checked,
             BroadsheetJsonRootArray *array,
             gsize                   *length)
{
  GString *skeleton = g_string_sized_new (checked->length - (array->span.end - array->span.start) + 2);

  g_string_append_len (skeleton, checked->data, (gssize) array->span.start);
  g_string_append (skeleton, "[]");
  g_string_append_len (skeleton, checked->data + array->span.end,
                       (gssize) (checked->length - array->span.end));
  *length = skeleton->len;
  return g_string_free (skeleton, FALSE);
}

/* Picks the reader for the format of @root. */
static gboolean
begin_reading (JsonNode              *root,
               const char            *base_uri,
               BroadsheetFeedReader  *reader,
               GError               **error)
{
  JsonObject *object;
  g_autofree char *format = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED,
                           _("This document is JSON, but not a news feed: "
                             "a feed is a JSON object with a list of stories"));
      return FALSE;
    }

  object = json_node_get_object (root);
  format = broadsheet_json_dup_string (object, "format");
  if (g_strcmp0 (format, BROADSHEET_STORY_JSON_FORMAT) == 0)
    return _broadsheet_story_json_begin (object, base_uri, reader, error);
  if (broadsheet_json_feed_detect (object))
    return _broadsheet_json_feed_begin (object, base_uri, reader, error);

  g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED,
                       _("This document is JSON, but not in a feed format Broadsheet reads: "
                         "it reads JSON Feed and Broadsheet story JSON"));
  return FALSE;
}

/* Reads the feed in @bytes. A big feed is parsed in pieces: its own fields
 * first (the document without its biggest root array), then, when that
 * array is the format's list of stories, each story from its bytes on every
 * core. Anything else is parsed whole.
 */
static BroadsheetFeedDocument *
parse_document (GBytes      *bytes,
                const char  *base_uri,
                GError     **error)
{
  Checked checked = { 0 };
  BroadsheetFeedReader reader = { 0 };
  BroadsheetJsonRootArray *list;
  BroadsheetFeedDocument *document = NULL;
  JsonNode *root = NULL;

  if (!check_bytes (bytes, &checked, error))
    goto out;

  list = biggest_root_array (&checked);
  if (list != NULL)
    {
      gsize length;
      g_autofree char *skeleton = skeleton_of (&checked, list, &length);

      root = parse_json (skeleton, length, error);
      if (root == NULL || !begin_reading (root, base_uri, &reader, error))
        goto out;
      if (g_str_equal (list->name, reader.list_member))
        {
          document = broadsheet_feed_reader_read_spans (&reader, checked.data, list->elements);
          goto out;
        }

      /* The biggest array was not the list of stories: read it all. */
      broadsheet_feed_reader_clear (&reader);
      g_clear_pointer (&root, json_node_unref);
    }

  root = parse_json (checked.data, checked.length, error);
  if (root == NULL || !begin_reading (root, base_uri, &reader, error))
    goto out;
  document = broadsheet_feed_reader_read_array (
    &reader, json_object_get_array_member (json_node_get_object (root), reader.list_member));

out:
  broadsheet_feed_reader_clear (&reader);
  g_clear_pointer (&root, json_node_unref);
  checked_clear (&checked);
  return document;
}

BroadsheetFeedDocument *
broadsheet_feed_parser_parse (GBytes      *bytes,
                              const char  *base_uri,
                              GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_document (bytes, base_uri, error);
}

typedef struct
{
  GBytes *bytes;
  char   *base_uri;
} ParseData;

static void
parse_data_free (gpointer data)
{
  ParseData *parse_data = data;

  g_bytes_unref (parse_data->bytes);
  g_free (parse_data->base_uri);
  g_free (parse_data);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseData *parse_data = task_data;
  BroadsheetFeedDocument *document;
  GError *error = NULL;

  document = broadsheet_feed_parser_parse (parse_data->bytes, parse_data->base_uri, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/* Parses on a worker thread; the callback runs in the caller's main context. */
void
broadsheet_feed_parser_parse_async (GBytes              *bytes,
                                    const char          *base_uri,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ParseData *parse_data;

  g_return_if_fail (bytes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  parse_data = g_new0 (ParseData, 1);
  parse_data->bytes = g_bytes_ref (bytes);
  parse_data->base_uri = g_strdup (base_uri);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, broadsheet_feed_parser_parse_async);
  g_task_set_task_data (task, parse_data, parse_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  broadsheet_task_run_in_background (task, parse_thread);
}

BroadsheetFeedDocument *
broadsheet_feed_parser_parse_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        broadsheet_feed_parser_parse_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
