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

static JsonNode *
parse_json (GBytes  *bytes,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *repaired = NULL;
  const char *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  if (looks_like_markup (data, length))
    {
      g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED,
                           _("This is a web page or an XML document, not a JSON feed"));
      return NULL;
    }

  /* Check the bytes as they came, so a NUL is refused rather than repaired,
   * then repair bad UTF-8 inside strings, which cannot break the syntax.
   */
  if (broadsheet_json_check (data, length, BROADSHEET_JSON_CHECK_MAX_DEPTH, &local_error) &&
      !g_utf8_validate_len (data, length, NULL))
    {
      repaired = g_utf8_make_valid (data, length);
      data = repaired;
      length = strlen (repaired);
    }

  if (local_error != NULL || !json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON,
                   _("This feed is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

BroadsheetFeedDocument *
broadsheet_feed_parser_parse (GBytes      *bytes,
                              const char  *base_uri,
                              GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  g_autofree char *format = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = parse_json (bytes, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED,
                           _("This document is JSON, but not a news feed: "
                             "a feed is a JSON object with a list of stories"));
      return NULL;
    }

  object = json_node_get_object (root);
  format = broadsheet_json_dup_string (object, "format");
  if (g_strcmp0 (format, BROADSHEET_STORY_JSON_FORMAT) == 0)
    return broadsheet_story_json_read (object, base_uri, error);
  if (broadsheet_json_feed_detect (object))
    return broadsheet_json_feed_read (object, base_uri, error);

  g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED,
                       _("This document is JSON, but not in a feed format Broadsheet reads: "
                         "it reads JSON Feed and Broadsheet story JSON"));
  return NULL;
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
  g_task_run_in_thread (task, parse_thread);
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
