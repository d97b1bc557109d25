/* broadsheet-json-feed.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "broadsheet-feed-parser.h"
#include "broadsheet-html-blocks.h"
#include "broadsheet-json-feed.h"
#include "broadsheet-json-util.h"
#include "broadsheet-uri.h"

/* Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into the
 * model, as leniently as the spec asks: a numeric id becomes a string, an
 * item without a usable id is skipped with a reason, unknown and extension
 * keys are ignored, and a date that cannot be read falls back to the time
 * the feed was read. content_html becomes native blocks through
 * broadsheet-html-blocks; content_text becomes paragraphs.
 */

#define HEADLINE_LENGTH 100

gboolean
broadsheet_json_feed_detect (JsonObject *root)
{
  g_autofree char *version = broadsheet_json_dup_string (root, "version");

  if (version == NULL || broadsheet_json_get_array (root, "items") == NULL)
    return FALSE;

  /* The spec says a URL; some publishers write only the number. */
  return strstr (version, "jsonfeed.org/version/") != NULL ||
         g_str_equal (version, "1") || g_str_equal (version, "1.0") ||
         g_str_equal (version, "1.1");
}

/* Returns the authors' names from "authors" (1.1) or "author" (1.0). */
static GStrv
read_authors (JsonObject *object)
{
  JsonArray *authors = broadsheet_json_get_array (object, "authors");
  JsonObject *author = broadsheet_json_get_object (object, "author");
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  guint n_names = 0;

  for (guint i = 0; authors != NULL && i < json_array_get_length (authors); i++)
    {
      JsonNode *node = json_array_get_element (authors, i);
      g_autofree char *name = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      name = broadsheet_json_dup_string (json_node_get_object (node), "name");
      if (name != NULL)
        {
          g_strv_builder_add (names, name);
          n_names++;
        }
    }

  if (n_names == 0 && author != NULL)
    {
      g_autofree char *name = broadsheet_json_dup_string (author, "name");

      if (name != NULL)
        {
          g_strv_builder_add (names, name);
          n_names++;
        }
    }

  return n_names > 0 ? g_strv_builder_end (names) : NULL;
}

static GDateTime *
read_date (JsonObject *item,
           const char *member,
           GDateTime  *fetched)
{
  g_autofree char *text = broadsheet_json_dup_string (item, member);
  GDateTime *date;

  if (text == NULL)
    return NULL;

  date = broadsheet_json_dup_datetime (item, member);
  return date != NULL ? date : g_date_time_ref (fetched);
}

static void
append_text_paragraphs (const char *text,
                        GPtrArray  *blocks)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(BroadsheetRichText) rich_text = NULL;
      BroadsheetBlock *block;

      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      rich_text = broadsheet_rich_text_new (paragraphs[i]);
      block = broadsheet_block_new (BROADSHEET_BLOCK_PARAGRAPH);
      broadsheet_block_set_text (block, rich_text);
      g_ptr_array_add (blocks, block);
    }
}

static char *
format_size (JsonObject *attachment)
{
  gint64 size;

  if (!broadsheet_json_get_int (attachment, "size_in_bytes", &size) || size <= 0)
    return NULL;
  return g_format_size (size);
}

/* Attachments (podcast audio, PDFs) become links that say what they are. */
static void
append_attachments (JsonObject *item,
                    const char *base_uri,
                    GPtrArray  *blocks)
{
  JsonArray *attachments = broadsheet_json_get_array (item, "attachments");

  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonNode *node = json_array_get_element (attachments, i);
      JsonObject *attachment;
      g_autofree char *reference = NULL;
      g_autofree char *url = NULL;
      g_autofree char *title = NULL;
      g_autofree char *type = NULL;
      g_autofree char *size = NULL;
      g_autofree char *description = NULL;
      BroadsheetBlock *block;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      attachment = json_node_get_object (node);
      reference = broadsheet_json_dup_string (attachment, "url");
      url = broadsheet_uri_resolve_link (base_uri, reference);
      if (url == NULL)
        continue;

      title = broadsheet_json_dup_string (attachment, "title");
      if (title == NULL)
        title = g_path_get_basename (url);
      type = broadsheet_json_dup_string (attachment, "mime_type");
      size = format_size (attachment);

      if (type != NULL && size != NULL)
        /* Translators: an attachment, as in "episode.mp3 (audio/mpeg, 24.1 MB)". */
        description = g_strdup_printf (_("%s (%s, %s)"), title, type, size);
      else if (type != NULL || size != NULL)
        description = g_strdup_printf (_("%s (%s)"), title, type != NULL ? type : size);
      else
        description = g_steal_pointer (&title);

      block = broadsheet_block_new (BROADSHEET_BLOCK_GO_DEEPER);
      broadsheet_block_set_label (block, _("Attachment:"));
      broadsheet_block_set_title (block, description);
      broadsheet_block_set_url (block, url);
      g_ptr_array_add (blocks, block);
    }
}

static BroadsheetPhoto *
read_image (JsonObject *item,
            const char *base_uri)
{
  g_autofree char *image = broadsheet_json_dup_string (item, "image");
  g_autofree char *url = NULL;

  if (image == NULL)
    image = broadsheet_json_dup_string (item, "banner_image");
  url = broadsheet_uri_resolve_media (base_uri, image);
  return url != NULL ? broadsheet_photo_new (url) : NULL;
}

/* A headline for an item without a title, as microblogs publish: the
 * start of its first paragraph.
 */
static char *
headline_from_blocks (GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      BroadsheetRichText *text = broadsheet_block_get_text (g_ptr_array_index (blocks, i));
      const char *plain;
      g_autofree char *line = NULL;

      if (text == NULL)
        continue;
      plain = broadsheet_rich_text_get_text (text);
      line = g_strdelimit (g_strdup (plain), "\n", ' ');
      if (g_utf8_strlen (line, -1) <= HEADLINE_LENGTH)
        return g_steal_pointer (&line);
      *g_utf8_offset_to_pointer (line, HEADLINE_LENGTH - 1) = '\0';
      return g_strconcat (g_strchomp (line), "…", NULL);
    }
  return NULL;
}

static BroadsheetStory *
read_item (JsonObject  *item,
           const char  *id,
           const char  *feed_base,
           GStrv        feed_authors,
           const char  *feed_language,
           GDateTime   *fetched)
{
  g_autofree char *reference = broadsheet_json_dup_string (item, "url");
  g_autofree char *external = broadsheet_json_dup_string (item, "external_url");
  g_autofree char *url = broadsheet_uri_resolve_link (feed_base, reference);
  g_autofree char *title = broadsheet_json_dup_string (item, "title");
  g_autofree char *summary = broadsheet_json_dup_string (item, "summary");
  g_autofree char *language = broadsheet_json_dup_string (item, "language");
  g_autofree char *html = broadsheet_json_dup_string (item, "content_html");
  g_autofree char *text = broadsheet_json_dup_string (item, "content_text");
  g_autoptr(GDateTime) published = read_date (item, "date_published", fetched);
  g_autoptr(GDateTime) updated = read_date (item, "date_modified", fetched);
  g_auto(GStrv) authors = read_authors (item);
  g_auto(GStrv) topics = broadsheet_json_dup_strv (item, "tags");
  g_autoptr(BroadsheetPhoto) lead_photo = read_image (item, feed_base);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  const char *base = url != NULL ? url : feed_base;
  BroadsheetStory *story;

  if (url == NULL)
    url = broadsheet_uri_resolve_link (feed_base, external);

  if (html != NULL)
    broadsheet_html_append_blocks (html, strlen (html), base, blocks);
  else if (text != NULL)
    append_text_paragraphs (text, blocks);

  /* The body's opening picture leads the story, and is not shown twice. */
  if (blocks->len > 0 &&
      broadsheet_block_get_kind (g_ptr_array_index (blocks, 0)) == BROADSHEET_BLOCK_IMAGE)
    {
      BroadsheetPhoto *first = broadsheet_block_get_photo (g_ptr_array_index (blocks, 0));

      if (lead_photo == NULL ||
          g_strcmp0 (broadsheet_photo_get_url (lead_photo), broadsheet_photo_get_url (first)) == 0)
        {
          g_set_object (&lead_photo, first);
          g_ptr_array_remove_index (blocks, 0);
        }
    }

  append_attachments (item, base, blocks);

  if (title == NULL)
    title = summary != NULL ? g_strdup (summary) : headline_from_blocks (blocks);
  if (title == NULL)
    title = g_strdup (_("Untitled story"));

  story = g_object_new (BROADSHEET_TYPE_STORY,
                        "id", id,
                        "headline", title,
                        "url", url,
                        "summary", summary != NULL && g_strcmp0 (summary, title) != 0 ? summary : NULL,
                        "language", language != NULL ? language : feed_language,
                        "published", published != NULL ? published : updated,
                        "updated", updated,
                        "authors", authors != NULL ? authors : feed_authors,
                        "topics", topics,
                        "lead-photo", lead_photo,
                        NULL);

  broadsheet_story_reserve_blocks (story, blocks->len);
  for (guint i = 0; i < blocks->len; i++)
    broadsheet_story_add_block (story, g_ptr_array_index (blocks, i));

  return story;
}

/* What every item is read with: the feed's own fields. */
typedef struct
{
  char      *feed_base;
  GStrv      feed_authors;
  char      *feed_language;
  GDateTime *fetched;
} ItemContext;

static void
item_context_free (gpointer data)
{
  ItemContext *context = data;

  g_free (context->feed_base);
  g_strfreev (context->feed_authors);
  g_free (context->feed_language);
  g_date_time_unref (context->fetched);
  g_free (context);
}

/* Reads element @index of "items" (runs on any thread). */
static BroadsheetStory *
read_element (JsonNode  *node,
              guint      index,
              gpointer   data,
              char     **skip_reason)
{
  ItemContext *context = data;
  g_autofree char *id = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      *skip_reason = g_strdup_printf (_("Item %u is not a JSON object"), index + 1);
      return NULL;
    }

  id = broadsheet_json_dup_id (json_node_get_object (node), "id");
  if (id == NULL)
    {
      *skip_reason = g_strdup_printf (_("Item %u has no id"), index + 1);
      return NULL;
    }

  return read_item (json_node_get_object (node), id, context->feed_base, context->feed_authors,
                    context->feed_language, context->fetched);
}

static char *
repeat_reason (guint number)
{
  return g_strdup_printf (_("Item %u repeats the id of an earlier item"), number);
}

/* Reads the feed's own fields of @root into @reader; its items are read
 * with broadsheet_feed_reader_read_array() or _read_spans().
 */
gboolean
_broadsheet_json_feed_begin (JsonObject            *root,
                             const char            *base_uri,
                             BroadsheetFeedReader  *reader,
                             GError               **error)
{
  g_autofree char *title = broadsheet_json_dup_string (root, "title");
  g_autofree char *home_page = broadsheet_json_dup_string (root, "home_page_url");
  g_autofree char *home_page_url = broadsheet_uri_resolve_link (base_uri, home_page);
  g_autofree char *description = broadsheet_json_dup_string (root, "description");
  ItemContext *context;

  g_return_val_if_fail (root != NULL, FALSE);

  if (broadsheet_json_get_array (root, "items") == NULL)
    {
      g_set_error_literal (error, BROADSHEET_FEED_ERROR, BROADSHEET_FEED_ERROR_NOT_A_FEED,
                           _("This JSON Feed has no list of items"));
      return FALSE;
    }

  reader->document = broadsheet_feed_document_new (title != NULL ? title : _("Untitled Feed"));
  broadsheet_feed_document_set_home_page_url (reader->document, home_page_url);
  broadsheet_feed_document_set_description (reader->document, description);

  /* Relative links resolve against the item's URL, else the feed's home page,
   * else the address the feed came from.
   */
  context = g_new0 (ItemContext, 1);
  context->feed_base = g_strdup (home_page_url != NULL ? home_page_url : base_uri);
  context->feed_authors = read_authors (root);
  context->feed_language = broadsheet_json_dup_string (root, "language");
  context->fetched = g_date_time_new_now_utc ();

  reader->list_member = "items";
  reader->read_element = read_element;
  reader->repeat_reason = repeat_reason;
  reader->data = context;
  reader->data_free = item_context_free;
  return TRUE;
}

BroadsheetFeedDocument *
broadsheet_json_feed_read (JsonObject  *root,
                           const char  *base_uri,
                           GError     **error)
{
  return broadsheet_feed_reader_read (_broadsheet_json_feed_begin, root, base_uri, error);
}
