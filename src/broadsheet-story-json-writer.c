/* broadsheet-story-json-writer.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <string.h>

#include "broadsheet-feed-parser.h"
#include "broadsheet-json-check.h"
#include "broadsheet-story-json-private.h"
#include "broadsheet-story-json-writer.h"

/* Writes one story as an object of the "stories" array of story JSON
 * (docs/story-json.md) and reads such an object back, so a saved story can be
 * kept complete after its feed has gone. Read and saved state are not part of
 * it; they are the reader's, not the story's.
 *
 * Span offsets and lengths count Unicode code points in story JSON and
 * characters in BroadsheetRichText, which is the same count, so they are
 * written as they are.
 *
 * Preformatted blocks, rules, numbered lists and nested items (which come
 * from HTML bodies) are written with the format's "preformatted" and "rule"
 * blocks and its list "ordered" and item "depth" members, so a saved story
 * comes back exactly as it was shown.
 */

static const char *
span_style_name (BroadsheetSpanStyle style)
{
  switch (style)
    {
    case BROADSHEET_SPAN_BOLD:
      return "bold";
    case BROADSHEET_SPAN_ITALIC:
      return "italic";
    case BROADSHEET_SPAN_CODE:
      return "code";
    case BROADSHEET_SPAN_LINK:
      return "link";
    default:
      return NULL;
    }
}

static void
set_string (JsonObject *object,
            const char *member,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

static void
set_strv (JsonObject         *object,
          const char         *member,
          const char * const *strv)
{
  JsonArray *array;

  if (strv == NULL)
    return;

  array = json_array_new ();
  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_object_set_array_member (object, member, array);
}

/* RFC 3339 wants the offset as ±hh:mm, and g_date_time_format_iso8601()
 * writes whole hours as ±hh; an offset in seconds has no RFC 3339 form at all,
 * so such a time is written in UTC, which keeps the instant.
 */
static void
set_date_time (JsonObject *object,
               const char *member,
               GDateTime  *date_time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;
  GTimeSpan offset;

  if (date_time == NULL)
    return;

  offset = g_date_time_get_utc_offset (date_time);
  if (offset % G_TIME_SPAN_MINUTE != 0)
    {
      utc = g_date_time_to_utc (date_time);
      date_time = utc;
      offset = 0;
    }

  text = g_date_time_format_iso8601 (date_time);
  if (offset != 0 && offset % G_TIME_SPAN_HOUR == 0)
    {
      g_autofree char *hours_only = g_steal_pointer (&text);

      text = g_strconcat (hours_only, ":00", NULL);
    }

  json_object_set_string_member (object, member, text);
}

static void
set_rich_text (JsonObject               *object,
               const BroadsheetRichText *text)
{
  guint n_spans;
  JsonArray *spans;

  if (text == NULL)
    return;

  json_object_set_string_member (object, "text", broadsheet_rich_text_get_text (text));

  n_spans = broadsheet_rich_text_get_n_spans (text);
  if (n_spans == 0)
    return;

  spans = json_array_new ();
  for (guint i = 0; i < n_spans; i++)
    {
      const BroadsheetSpan *span = broadsheet_rich_text_get_span (text, i);
      JsonObject *span_object = json_object_new ();

      json_object_set_int_member (span_object, "offset", span->offset);
      json_object_set_int_member (span_object, "length", span->length);
      set_string (span_object, "style", span_style_name (span->style));
      if (span->style == BROADSHEET_SPAN_LINK)
        set_string (span_object, "url", span->url);
      json_array_add_object_element (spans, span_object);
    }
  json_object_set_array_member (object, "spans", spans);
}

/* Readers strip a list item given as a string, so an item is written as a
 * string only when that changes nothing.
 */
static gboolean
is_plain_item (const BroadsheetRichText *item,
               guint                     depth)
{
  const char *text = broadsheet_rich_text_get_text (item);
  gsize length = strlen (text);

  return depth == 0 && broadsheet_rich_text_get_n_spans (item) == 0 && length > 0 &&
         !g_ascii_isspace (text[0]) && !g_ascii_isspace (text[length - 1]);
}

static void
set_list (JsonObject      *object,
          BroadsheetBlock *block)
{
  JsonArray *items = json_array_new ();

  for (guint i = 0; i < broadsheet_block_get_n_items (block); i++)
    {
      BroadsheetRichText *item = broadsheet_block_get_item (block, i);
      guint depth = broadsheet_block_get_item_depth (block, i);
      JsonObject *item_object;

      if (is_plain_item (item, depth))
        {
          json_array_add_string_element (items, broadsheet_rich_text_get_text (item));
          continue;
        }

      item_object = json_object_new ();
      set_rich_text (item_object, item);
      if (depth > 0)
        json_object_set_int_member (item_object, "depth", depth);
      json_array_add_object_element (items, item_object);
    }

  json_object_set_array_member (object, "items", items);
  if (broadsheet_block_get_ordered (block))
    json_object_set_boolean_member (object, "ordered", TRUE);
}

/* The photo fields, shared by "lead_photo" and image blocks. */
static void
set_photo (JsonObject      *object,
           BroadsheetPhoto *photo)
{
  if (photo == NULL)
    return;

  set_string (object, "url", broadsheet_photo_get_url (photo));
  set_string (object, "caption", broadsheet_photo_get_caption (photo));
  set_string (object, "credit", broadsheet_photo_get_credit (photo));
  set_string (object, "alt", broadsheet_photo_get_alt_text (photo));
  if (broadsheet_photo_get_width (photo) > 0)
    json_object_set_int_member (object, "width", broadsheet_photo_get_width (photo));
  if (broadsheet_photo_get_height (photo) > 0)
    json_object_set_int_member (object, "height", broadsheet_photo_get_height (photo));
}

static JsonObject *
block_object (BroadsheetBlock *block)
{
  JsonObject *object = json_object_new ();

  switch (broadsheet_block_get_kind (block))
    {
    case BROADSHEET_BLOCK_PARAGRAPH:
      json_object_set_string_member (object, "type", "paragraph");
      set_string (object, "label", broadsheet_block_get_label (block));
      set_rich_text (object, broadsheet_block_get_text (block));
      break;

    case BROADSHEET_BLOCK_HEADING:
      json_object_set_string_member (object, "type", "heading");
      set_rich_text (object, broadsheet_block_get_text (block));
      break;

    case BROADSHEET_BLOCK_LIST:
      json_object_set_string_member (object, "type", "list");
      set_string (object, "label", broadsheet_block_get_label (block));
      set_list (object, block);
      break;

    case BROADSHEET_BLOCK_QUOTE:
      json_object_set_string_member (object, "type", "quote");
      set_rich_text (object, broadsheet_block_get_text (block));
      set_string (object, "attribution", broadsheet_block_get_attribution (block));
      break;

    case BROADSHEET_BLOCK_GO_DEEPER:
      json_object_set_string_member (object, "type", "go_deeper");
      set_string (object, "label", broadsheet_block_get_label (block));
      set_string (object, "title", broadsheet_block_get_title (block));
      set_string (object, "url", broadsheet_block_get_url (block));
      break;

    case BROADSHEET_BLOCK_IMAGE:
      json_object_set_string_member (object, "type", "image");
      set_photo (object, broadsheet_block_get_photo (block));
      break;

    case BROADSHEET_BLOCK_PREFORMATTED:
      json_object_set_string_member (object, "type", "preformatted");
      set_rich_text (object, broadsheet_block_get_text (block));
      break;

    case BROADSHEET_BLOCK_RULE:
      json_object_set_string_member (object, "type", "rule");
      break;

    default:
      g_assert_not_reached ();
    }

  return object;
}

/**
 * broadsheet_story_json_write_story:
 * @story: a story
 *
 * Serialises @story as one object of the "stories" array of story JSON
 * (docs/story-json.md), complete: every field, the lead photo and every
 * block, so that broadsheet_story_json_read_story() gives back an equal story.
 * Read and saved state are left out.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
broadsheet_story_json_write_story (BroadsheetStory *story)
{
  JsonNode *node;
  JsonObject *object;
  BroadsheetPhoto *lead_photo;
  guint n_blocks;

  g_return_val_if_fail (BROADSHEET_IS_STORY (story), NULL);

  object = json_object_new ();
  set_string (object, "id", broadsheet_story_get_id (story));
  set_string (object, "headline", broadsheet_story_get_headline (story));
  set_string (object, "url", broadsheet_story_get_url (story));
  set_string (object, "kicker", broadsheet_story_get_kicker (story));
  set_string (object, "summary", broadsheet_story_get_summary (story));
  set_date_time (object, "published", broadsheet_story_get_published (story));
  set_date_time (object, "updated", broadsheet_story_get_updated (story));
  set_strv (object, "authors", broadsheet_story_get_authors (story));
  set_strv (object, "topics", broadsheet_story_get_topics (story));
  set_string (object, "language", broadsheet_story_get_language (story));

  lead_photo = broadsheet_story_get_lead_photo (story);
  if (lead_photo != NULL)
    {
      JsonObject *photo_object = json_object_new ();

      set_photo (photo_object, lead_photo);
      json_object_set_object_member (object, "lead_photo", photo_object);
    }

  n_blocks = broadsheet_story_get_n_blocks (story);
  if (n_blocks > 0)
    {
      JsonArray *body = json_array_new ();

      for (guint i = 0; i < n_blocks; i++)
        json_array_add_object_element (body, block_object (broadsheet_story_get_block (story, i)));
      json_object_set_array_member (object, "body", body);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

/**
 * broadsheet_story_json_write_story_string:
 * @story: a story
 *
 * Like broadsheet_story_json_write_story(), as compact JSON text.
 *
 * Returns: (transfer full): UTF-8 JSON text
 */
char *
broadsheet_story_json_write_story_string (BroadsheetStory *story)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (BROADSHEET_IS_STORY (story), NULL);

  node = broadsheet_story_json_write_story (story);
  return json_to_string (node, FALSE);
}

/**
 * broadsheet_story_json_read_story:
 * @json: JSON text of one story object
 * @length: length of @json in bytes, or -1 when it ends with a NUL
 * @base_uri: (nullable): the URI relative links and photo URLs resolve against
 * @error: return location for an error
 *
 * Reads one story object, as written by broadsheet_story_json_write_story()
 * or as found in the "stories" array of any story JSON document, with the
 * checks and rules of broadsheet_story_json_read(). Photos at file: or
 * resource: URIs are kept only when @base_uri has the same scheme, as for a
 * feed, so pass the URI of the story's feed.
 *
 * The text is checked strictly before it is parsed, so corrupt text fails
 * rather than crashing or reading half a story. Safe to call on any thread.
 *
 * Returns: (transfer full) (nullable): the story, or %NULL with @error set to
 *   %BROADSHEET_FEED_ERROR_INVALID_JSON for text that is not JSON, or
 *   %BROADSHEET_FEED_ERROR_NOT_A_FEED for JSON that is not a story
 */
BroadsheetStory *
broadsheet_story_json_read_story (const char  *json,
                                  gssize       length,
                                  const char  *base_uri,
                                  GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (json);

  /* json-glib refuses invalid UTF-8 itself; nothing is repaired here, as
   * stored text that is not UTF-8 is corrupt.
   */
  parser = json_parser_new_immutable ();
  if (!broadsheet_json_check (json, length, BROADSHEET_JSON_CHECK_MAX_DEPTH, &local_error) ||
      !json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_INVALID_JSON,
                           local_error->message);
      return NULL;
    }

  return _broadsheet_story_json_read_story_node (json_parser_get_root (parser), base_uri, error);
}
