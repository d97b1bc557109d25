/* broadsheet-story-json.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-feed-parser.h"
#include "broadsheet-json-util.h"
#include "broadsheet-story-json-private.h"
#include "broadsheet-story-json.h"
#include "broadsheet-uri.h"

/* Reads Broadsheet's own story JSON (docs/story-json.md) into the model.
 * A story without an id or headline is skipped with a reason; a field of the
 * wrong type reads as missing; unknown fields and block types are ignored.
 */

typedef struct
{
  const char *name;
  BroadsheetSpanStyle style;
} SpanStyleName;

static const SpanStyleName span_styles[] = {
  { "bold", BROADSHEET_SPAN_BOLD },
  { "italic", BROADSHEET_SPAN_ITALIC },
  { "code", BROADSHEET_SPAN_CODE },
  { "link", BROADSHEET_SPAN_LINK },
};

static void
read_span (BroadsheetRichText *text,
           JsonObject         *object,
           const char         *base_uri)
{
  g_autofree char *style_name = broadsheet_json_dup_string (object, "style");
  gint64 offset, length;

  if (style_name == NULL ||
      !broadsheet_json_get_int (object, "offset", &offset) ||
      !broadsheet_json_get_int (object, "length", &length) ||
      offset < 0 || length <= 0 || offset > G_MAXUINT || length > G_MAXUINT)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (span_styles); i++)
    {
      g_autofree char *url = NULL;

      if (g_strcmp0 (style_name, span_styles[i].name) != 0)
        continue;

      if (span_styles[i].style == BROADSHEET_SPAN_LINK)
        {
          g_autofree char *reference = broadsheet_json_dup_string (object, "url");

          if (reference != NULL && g_str_has_prefix (reference, "mailto:"))
            url = g_steal_pointer (&reference);
          else
            url = broadsheet_uri_resolve_link (base_uri, reference);
        }

      /* Invalid ranges and unsafe links are dropped, keeping the text. */
      broadsheet_rich_text_add_span (text, offset, length, span_styles[i].style, url);
      return;
    }
}

/* Reads "text" and "spans" from @object, or a plain string node. */
static BroadsheetRichText *
read_rich_text (JsonObject *object,
                const char *base_uri)
{
  const char *string = broadsheet_json_peek_text (object, "text");
  JsonArray *spans;
  BroadsheetRichText *text;

  if (string == NULL)
    return NULL;

  /* Spans count characters of the text as given, so do not strip it. */
  text = broadsheet_rich_text_new (string);

  spans = broadsheet_json_get_array (object, "spans");
  for (guint i = 0; spans != NULL && i < json_array_get_length (spans); i++)
    {
      JsonNode *node = json_array_get_element (spans, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        read_span (text, json_node_get_object (node), base_uri);
    }

  return text;
}

static BroadsheetPhoto *
read_photo (JsonObject *object,
            const char *base_uri)
{
  g_autofree char *reference = broadsheet_json_dup_string (object, "url");
  g_autofree char *url = broadsheet_uri_resolve_media (base_uri, reference);
  g_autofree char *caption = broadsheet_json_dup_string (object, "caption");
  g_autofree char *credit = broadsheet_json_dup_string (object, "credit");
  g_autofree char *alt_text = broadsheet_json_dup_string (object, "alt");
  gint64 width = 0, height = 0;

  if (url == NULL && caption == NULL && alt_text == NULL)
    return NULL;

  if (!broadsheet_json_get_int (object, "width", &width) || width <= 0 || width > G_MAXINT ||
      !broadsheet_json_get_int (object, "height", &height) || height <= 0 || height > G_MAXINT)
    width = height = 0;

  return g_object_new (BROADSHEET_TYPE_PHOTO,
                       "url", url,
                       "caption", caption,
                       "credit", credit,
                       "alt-text", alt_text,
                       "width", (int)width,
                       "height", (int)height,
                       NULL);
}

/* Deeper nesting than this is read as this deep. */
#define MAX_LIST_DEPTH 8

static BroadsheetBlock *
read_list (JsonObject *object,
           const char *base_uri)
{
  g_autoptr(BroadsheetBlock) block = broadsheet_block_new (BROADSHEET_BLOCK_LIST);
  g_autofree char *label = broadsheet_json_dup_string (object, "label");
  JsonArray *items = broadsheet_json_get_array (object, "items");

  if (items == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autoptr(BroadsheetRichText) item = NULL;
      gint64 depth = 0;

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          item = read_rich_text (json_node_get_object (node), base_uri);
          /* A nested item, at most MAX_LIST_DEPTH levels in. */
          if (!broadsheet_json_get_int (json_node_get_object (node), "depth", &depth))
            depth = 0;
          depth = CLAMP (depth, 0, MAX_LIST_DEPTH);
        }
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *string = g_strstrip (g_strdup (json_node_get_string (node)));

          if (*string != '\0')
            item = broadsheet_rich_text_new (string);
        }

      if (item != NULL)
        broadsheet_block_add_nested_item (block, item, depth);
    }

  if (broadsheet_block_get_n_items (block) == 0)
    return NULL;

  broadsheet_block_set_label (block, label);
  broadsheet_block_set_ordered (block, broadsheet_json_get_true (object, "ordered"));
  return g_steal_pointer (&block);
}

static BroadsheetBlock *
read_text_block (BroadsheetBlockKind  kind,
                 JsonObject          *object,
                 const char          *base_uri)
{
  g_autoptr(BroadsheetRichText) text = read_rich_text (object, base_uri);
  BroadsheetBlock *block;

  if (text == NULL)
    return NULL;

  block = broadsheet_block_new (kind);
  broadsheet_block_set_text (block, text);

  if (kind == BROADSHEET_BLOCK_PARAGRAPH)
    {
      g_autofree char *label = broadsheet_json_dup_string (object, "label");

      broadsheet_block_set_label (block, label);
    }
  else if (kind == BROADSHEET_BLOCK_QUOTE)
    {
      g_autofree char *attribution = broadsheet_json_dup_string (object, "attribution");

      broadsheet_block_set_attribution (block, attribution);
    }

  return block;
}

static BroadsheetBlock *
read_go_deeper (JsonObject *object,
                const char *base_uri)
{
  g_autofree char *reference = broadsheet_json_dup_string (object, "url");
  g_autofree char *url = broadsheet_uri_resolve_link (base_uri, reference);
  g_autofree char *title = broadsheet_json_dup_string (object, "title");
  g_autofree char *label = broadsheet_json_dup_string (object, "label");
  BroadsheetBlock *block;

  if (url == NULL || title == NULL)
    return NULL;

  block = broadsheet_block_new (BROADSHEET_BLOCK_GO_DEEPER);
  broadsheet_block_set_url (block, url);
  broadsheet_block_set_title (block, title);
  broadsheet_block_set_label (block, label);
  return block;
}

static BroadsheetBlock *
read_block (JsonObject *object,
            const char *base_uri)
{
  g_autofree char *type = broadsheet_json_dup_string (object, "type");

  if (g_strcmp0 (type, "paragraph") == 0)
    return read_text_block (BROADSHEET_BLOCK_PARAGRAPH, object, base_uri);
  if (g_strcmp0 (type, "heading") == 0)
    return read_text_block (BROADSHEET_BLOCK_HEADING, object, base_uri);
  if (g_strcmp0 (type, "quote") == 0)
    return read_text_block (BROADSHEET_BLOCK_QUOTE, object, base_uri);
  if (g_strcmp0 (type, "preformatted") == 0)
    return read_text_block (BROADSHEET_BLOCK_PREFORMATTED, object, base_uri);
  if (g_strcmp0 (type, "rule") == 0)
    return broadsheet_block_new (BROADSHEET_BLOCK_RULE);
  if (g_strcmp0 (type, "list") == 0)
    return read_list (object, base_uri);
  if (g_strcmp0 (type, "go_deeper") == 0)
    return read_go_deeper (object, base_uri);
  if (g_strcmp0 (type, "image") == 0)
    {
      g_autoptr(BroadsheetPhoto) photo = read_photo (object, base_uri);
      BroadsheetBlock *block;

      if (photo == NULL)
        return NULL;
      block = broadsheet_block_new (BROADSHEET_BLOCK_IMAGE);
      broadsheet_block_set_photo (block, photo);
      return block;
    }

  return NULL;
}

static BroadsheetStory *
read_story (JsonObject *object,
            const char *id,
            const char *headline,
            const char *base_uri)
{
  g_autofree char *reference = broadsheet_json_dup_string (object, "url");
  g_autofree char *url = broadsheet_uri_resolve_link (base_uri, reference);
  g_autofree char *kicker = broadsheet_json_dup_string (object, "kicker");
  g_autofree char *summary = broadsheet_json_dup_string (object, "summary");
  g_autofree char *language = broadsheet_json_dup_string (object, "language");
  g_autoptr(GDateTime) published = broadsheet_json_dup_datetime (object, "published");
  g_autoptr(GDateTime) updated = broadsheet_json_dup_datetime (object, "updated");
  g_auto(GStrv) authors = broadsheet_json_dup_strv (object, "authors");
  g_auto(GStrv) topics = broadsheet_json_dup_strv (object, "topics");
  g_autoptr(BroadsheetPhoto) lead_photo = NULL;
  JsonObject *photo_object = broadsheet_json_get_object (object, "lead_photo");
  JsonArray *body = broadsheet_json_get_array (object, "body");
  BroadsheetStory *story;

  if (photo_object != NULL)
    lead_photo = read_photo (photo_object, base_uri);

  story = g_object_new (BROADSHEET_TYPE_STORY,
                        "id", id,
                        "headline", headline,
                        "url", url,
                        "kicker", kicker,
                        "summary", summary,
                        "language", language,
                        "published", published,
                        "updated", updated,
                        "authors", authors,
                        "topics", topics,
                        "lead-photo", lead_photo,
                        NULL);

  if (body != NULL)
    broadsheet_story_reserve_blocks (story, json_array_get_length (body));
  for (guint i = 0; body != NULL && i < json_array_get_length (body); i++)
    {
      JsonNode *node = json_array_get_element (body, i);
      g_autoptr(BroadsheetBlock) block = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        block = read_block (json_node_get_object (node), base_uri);
      if (block != NULL)
        broadsheet_story_add_block (story, block);
    }

  return story;
}

/* Reads one story with the checks broadsheet_story_json_read() makes for each
 * element of "stories", but fails with @error where that skips the story.
 */
BroadsheetStory *
_broadsheet_story_json_read_story_node (JsonNode    *node,
                                        const char  *base_uri,
                                        GError     **error)
{
  JsonObject *object;
  g_autofree char *id = NULL;
  g_autofree char *headline = NULL;
  BroadsheetStory *story;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED,
                           _("This story is not a JSON object"));
      return NULL;
    }

  object = json_node_get_object (node);
  id = broadsheet_json_dup_id (object, "id");
  headline = broadsheet_json_dup_string (object, "headline");

  if (id == NULL)
    {
      g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED,
                           _("This story has no id"));
      return NULL;
    }
  if (headline == NULL)
    {
      g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED,
                           _("This story has no headline"));
      return NULL;
    }

  story = read_story (object, id, headline, base_uri);
  /* Taken here, on the reader's thread; see broadsheet_story_get_digest(). */
  broadsheet_story_get_digest (story);
  return story;
}

static gboolean
check_version (JsonObject  *root,
               GError     **error)
{
  gint64 version = 0;

  if (!broadsheet_json_get_int (root, "version", &version))
    {
      g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED,
                           _("This story feed does not say which version of the format it uses"));
      return FALSE;
    }

  if (version != BROADSHEET_STORY_JSON_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_UNSUPPORTED_VERSION,
                   _("This story feed uses version %s of the format, "
                     "which this version of Broadsheet cannot read; try a newer Broadsheet"),
                   number);
      return FALSE;
    }

  return TRUE;
}

/* Reads element @index of "stories" (runs on any thread). */
static BroadsheetStory *
read_element (JsonNode  *node,
              guint      index,
              gpointer   data,
              char     **skip_reason)
{
  const char *base_uri = data;
  JsonObject *object;
  g_autofree char *id = NULL;
  g_autofree char *headline = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      *skip_reason = g_strdup_printf (_("Story %u is not a JSON object"), index + 1);
      return NULL;
    }

  object = json_node_get_object (node);
  id = broadsheet_json_dup_id (object, "id");
  headline = broadsheet_json_dup_string (object, "headline");

  if (id == NULL)
    {
      *skip_reason = g_strdup_printf (_("Story %u has no id"), index + 1);
      return NULL;
    }
  if (headline == NULL)
    {
      *skip_reason = g_strdup_printf (_("Story %u has no headline"), index + 1);
      return NULL;
    }

  return read_story (object, id, headline, base_uri);
}

static char *
repeat_reason (guint number)
{
  return g_strdup_printf (_("Story %u repeats the id of an earlier story"), number);
}

/* Reads the feed's own fields of @root into @reader; its stories are read
 * with broadsheet_feed_reader_read_array() or _read_spans().
 */
gboolean
_broadsheet_story_json_begin (JsonObject            *root,
                              const char            *base_uri,
                              BroadsheetFeedReader  *reader,
                              GError               **error)
{
  g_autofree char *title = NULL;
  g_autofree char *home_page = NULL;
  g_autofree char *home_page_url = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (root != NULL, FALSE);

  if (!check_version (root, error))
    return FALSE;

  if (broadsheet_json_get_array (root, "stories") == NULL)
    {
      g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED,
                           _("This story feed has no list of stories"));
      return FALSE;
    }

  title = broadsheet_json_dup_string (root, "title");
  home_page = broadsheet_json_dup_string (root, "home_page_url");
  home_page_url = broadsheet_uri_resolve_link (base_uri, home_page);
  description = broadsheet_json_dup_string (root, "description");

  reader->document = broadsheet_feed_document_new (title != NULL ? title : _("Untitled Feed"));
  broadsheet_feed_document_set_home_page_url (reader->document, home_page_url);
  broadsheet_feed_document_set_description (reader->document, description);
  reader->list_member = "stories";
  reader->read_element = read_element;
  reader->repeat_reason = repeat_reason;
  reader->data = g_strdup (base_uri);
  reader->data_free = g_free;
  return TRUE;
}

BroadsheetFeedDocument *
broadsheet_story_json_read (JsonObject  *root,
                            const char  *base_uri,
                            GError     **error)
{
  return broadsheet_feed_reader_read (_broadsheet_story_json_begin, root, base_uri, error);
}
