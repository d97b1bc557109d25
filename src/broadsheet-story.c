/* broadsheet-story.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-digest.h"

#include "broadsheet-story.h"

/* A story as a reader shows it. Everything but the user state (read, saved)
 * is set once by a parser, through construct properties and
 * broadsheet_story_add_block(), before the story reaches a model.
 */
struct _BroadsheetStory
{
  GObject parent_instance;

  char            *id;
  char            *headline;
  char            *url;
  char            *kicker;
  char            *summary;
  char            *language;
  GDateTime       *published;
  GDateTime       *updated;
  GStrv            authors;
  GStrv            topics;
  BroadsheetPhoto *lead_photo;
  GPtrArray       *blocks;

  guint64          digest;   /* Of the content, once has_digest. */
  guint            id_hash;  /* g_str_hash() of the id, taken where the story is made. */

  guint read : 1;
  guint saved : 1;
  guint has_digest : 1;
};

G_DEFINE_FINAL_TYPE (BroadsheetStory, broadsheet_story, G_TYPE_OBJECT)

/* Names and topics repeat from story to story ("Politics", a reporter's
 * byline), so each is kept once, shared through g_ref_string_new_intern(),
 * and let go with the last story that has it (docs/performance.md).
 */
static GStrv
interned_strv_dup (const char * const *strv)
{
  guint n;
  GStrv copy;

  if (strv == NULL)
    return NULL;

  n = g_strv_length ((GStrv) strv);
  copy = g_new (char *, n + 1);
  for (guint i = 0; i < n; i++)
    copy[i] = g_ref_string_new_intern (strv[i]);
  copy[n] = NULL;
  return copy;
}

static void
interned_strv_free (GStrv strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ref_string_release (strv[i]);
  g_free (strv);
}

enum {
  PROP_0,
  PROP_ID,
  PROP_HEADLINE,
  PROP_URL,
  PROP_KICKER,
  PROP_SUMMARY,
  PROP_LANGUAGE,
  PROP_PUBLISHED,
  PROP_UPDATED,
  PROP_AUTHORS,
  PROP_TOPICS,
  PROP_LEAD_PHOTO,
  PROP_READ,
  PROP_SAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
broadsheet_story_dispose (GObject *object)
{
  BroadsheetStory *self = (BroadsheetStory *)object;

  g_clear_object (&self->lead_photo);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (broadsheet_story_parent_class)->dispose (object);
}

static void
broadsheet_story_finalize (GObject *object)
{
  BroadsheetStory *self = (BroadsheetStory *)object;

  g_free (self->id);
  g_free (self->headline);
  g_free (self->url);
  g_clear_pointer (&self->kicker, g_ref_string_release);
  g_free (self->summary);
  g_free (self->language);
  g_clear_pointer (&self->published, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  interned_strv_free (self->authors);
  interned_strv_free (self->topics);

  G_OBJECT_CLASS (broadsheet_story_parent_class)->finalize (object);
}

static void
broadsheet_story_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BroadsheetStory *self = BROADSHEET_STORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_HEADLINE:
      g_value_set_string (value, self->headline);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_KICKER:
      g_value_set_string (value, self->kicker);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_PUBLISHED:
      g_value_set_boxed (value, self->published);
      break;

    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;

    case PROP_AUTHORS:
      g_value_set_boxed (value, self->authors);
      break;

    case PROP_TOPICS:
      g_value_set_boxed (value, self->topics);
      break;

    case PROP_LEAD_PHOTO:
      g_value_set_object (value, self->lead_photo);
      break;

    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;

    case PROP_SAVED:
      g_value_set_boolean (value, self->saved);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_story_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BroadsheetStory *self = BROADSHEET_STORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      self->id_hash = self->id != NULL ? g_str_hash (self->id) : 0;
      break;

    case PROP_HEADLINE:
      self->headline = g_value_dup_string (value);
      break;

    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    case PROP_KICKER:
      /* Shared between the stories that have it ("Politics"). */
      self->kicker = g_value_get_string (value) != NULL ?
                     g_ref_string_new_intern (g_value_get_string (value)) : NULL;
      break;

    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;

    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;

    case PROP_PUBLISHED:
      self->published = g_value_dup_boxed (value);
      break;

    case PROP_UPDATED:
      self->updated = g_value_dup_boxed (value);
      break;

    case PROP_AUTHORS:
      self->authors = interned_strv_dup (g_value_get_boxed (value));
      break;

    case PROP_TOPICS:
      self->topics = interned_strv_dup (g_value_get_boxed (value));
      break;

    case PROP_LEAD_PHOTO:
      self->lead_photo = g_value_dup_object (value);
      break;

    case PROP_READ:
      broadsheet_story_set_read (self, g_value_get_boolean (value));
      break;

    case PROP_SAVED:
      broadsheet_story_set_saved (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_story_class_init (BroadsheetStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags state = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = broadsheet_story_dispose;
  object_class->finalize = broadsheet_story_finalize;
  object_class->get_property = broadsheet_story_get_property;
  object_class->set_property = broadsheet_story_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_HEADLINE] = g_param_spec_string ("headline", NULL, NULL, NULL, construct);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, construct);
  properties[PROP_KICKER] = g_param_spec_string ("kicker", NULL, NULL, NULL, construct);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, construct);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, construct);
  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL, G_TYPE_DATE_TIME, construct);
  properties[PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME, construct);
  properties[PROP_AUTHORS] = g_param_spec_boxed ("authors", NULL, NULL, G_TYPE_STRV, construct);
  properties[PROP_TOPICS] = g_param_spec_boxed ("topics", NULL, NULL, G_TYPE_STRV, construct);
  properties[PROP_LEAD_PHOTO] =
    g_param_spec_object ("lead-photo", NULL, NULL, BROADSHEET_TYPE_PHOTO, construct);
  properties[PROP_READ] = g_param_spec_boolean ("read", NULL, NULL, FALSE, state);
  properties[PROP_SAVED] = g_param_spec_boolean ("saved", NULL, NULL, FALSE, state);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
broadsheet_story_init (BroadsheetStory *self)
{
  self->blocks = g_ptr_array_new_with_free_func (g_object_unref);
}

BroadsheetStory *
broadsheet_story_new (const char *id,
                      const char *headline)
{
  return g_object_new (BROADSHEET_TYPE_STORY, "id", id, "headline", headline, NULL);
}

const char *
broadsheet_story_get_id (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), NULL);

  return self->id;
}

const char *
broadsheet_story_get_headline (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), NULL);

  return self->headline;
}

const char *
broadsheet_story_get_url (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), NULL);

  return self->url;
}

const char *
broadsheet_story_get_kicker (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), NULL);

  return self->kicker;
}

const char *
broadsheet_story_get_summary (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), NULL);

  return self->summary;
}

const char *
broadsheet_story_get_language (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), NULL);

  return self->language;
}

GDateTime *
broadsheet_story_get_published (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), NULL);

  return self->published;
}

GDateTime *
broadsheet_story_get_updated (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), NULL);

  return self->updated;
}

const char * const *
broadsheet_story_get_authors (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), NULL);

  return (const char * const *)self->authors;
}

const char * const *
broadsheet_story_get_topics (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), NULL);

  return (const char * const *)self->topics;
}

BroadsheetPhoto *
broadsheet_story_get_lead_photo (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), NULL);

  return self->lead_photo;
}

guint
broadsheet_story_get_n_blocks (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), 0);

  return self->blocks->len;
}

BroadsheetBlock *
broadsheet_story_get_block (BroadsheetStory *self,
                            guint            index)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

/* Makes room for @n blocks at once, for a reader that knows how many come:
 * the array then takes what it needs rather than the next power of two.
 */
void
broadsheet_story_reserve_blocks (BroadsheetStory *self,
                                 guint            n)
{
  g_return_if_fail (BROADSHEET_IS_STORY (self));

  if (self->blocks->len == 0)
    {
      g_ptr_array_unref (self->blocks);
      self->blocks = g_ptr_array_new_full (n, g_object_unref);
    }
}

void
broadsheet_story_add_block (BroadsheetStory *self,
                            BroadsheetBlock *block)
{
  g_return_if_fail (BROADSHEET_IS_STORY (self));
  g_return_if_fail (BROADSHEET_IS_BLOCK (block));

  g_ptr_array_add (self->blocks, g_object_ref (block));
  self->has_digest = FALSE;
}

/* Connects @callback (story, pspec, user_data) to @story's notifications
 * for its read and saved marks, the only properties that change once a
 * story is made. One handler for both, found by id rather than by parsing
 * "notify::read": a feed follows every one of 10,000 new stories this way,
 * and each name parse takes GLib's quark lock.
 */
gulong
broadsheet_story_connect_marks_changed (BroadsheetStory *story,
                                        GCallback        callback,
                                        gpointer         user_data)
{
  static guint notify_id;

  g_return_val_if_fail (BROADSHEET_IS_STORY (story), 0);

  if (G_UNLIKELY (notify_id == 0))
    notify_id = g_signal_lookup ("notify", G_TYPE_OBJECT);
  return g_signal_connect_closure_by_id (story, notify_id, 0,
                                         g_cclosure_new (callback, user_data, NULL), FALSE);
}

/* For hash tables of stories keyed by their ids: the hash was taken where
 * the story was made (for a feed, on a reader thread), so a refresh that
 * matches 10,000 stories with their previous versions hashes no strings on
 * the main thread.
 */
guint
broadsheet_story_hash_id (gconstpointer story)
{
  return ((const BroadsheetStory *) story)->id_hash;
}

gboolean
broadsheet_story_equal_id (gconstpointer a,
                           gconstpointer b)
{
  const BroadsheetStory *story_a = a;
  const BroadsheetStory *story_b = b;

  return story_a->id_hash == story_b->id_hash && g_strcmp0 (story_a->id, story_b->id) == 0;
}

/* A digest of everything broadsheet_story_equal() compares (see
 * broadsheet-digest.h): a refresh compares digests instead of walking two
 * stories, on the main thread, for every story of the feed. Readers take it
 * on their worker threads as they finish a story, so the main thread only
 * ever reads it.
 */
guint64
broadsheet_story_get_digest (BroadsheetStory *self)
{
  guint64 digest = BROADSHEET_DIGEST_INIT;

  g_return_val_if_fail (BROADSHEET_IS_STORY (self), 0);

  if (self->has_digest)
    return self->digest;

  digest = broadsheet_digest_string (digest, self->id);
  digest = broadsheet_digest_string (digest, self->headline);
  digest = broadsheet_digest_string (digest, self->url);
  digest = broadsheet_digest_string (digest, self->kicker);
  digest = broadsheet_digest_string (digest, self->summary);
  digest = broadsheet_digest_string (digest, self->language);
  digest = broadsheet_digest_uint (digest, self->published != NULL ?
                                   (guint64) g_date_time_to_unix (self->published) : G_MAXUINT64);
  digest = broadsheet_digest_uint (digest, self->updated != NULL ?
                                   (guint64) g_date_time_to_unix (self->updated) : G_MAXUINT64);
  for (guint i = 0; self->authors != NULL && self->authors[i] != NULL; i++)
    digest = broadsheet_digest_string (digest, self->authors[i]);
  digest = broadsheet_digest_string (digest, NULL);
  for (guint i = 0; self->topics != NULL && self->topics[i] != NULL; i++)
    digest = broadsheet_digest_string (digest, self->topics[i]);
  digest = broadsheet_digest_string (digest, NULL);
  digest = broadsheet_photo_digest (self->lead_photo, digest);
  for (guint i = 0; i < self->blocks->len; i++)
    digest = broadsheet_block_digest (g_ptr_array_index (self->blocks, i), digest);

  self->digest = broadsheet_digest_uint (digest, self->blocks->len);
  self->has_digest = TRUE;
  return self->digest;
}

gboolean
broadsheet_story_get_read (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), FALSE);

  return self->read;
}

void
broadsheet_story_set_read (BroadsheetStory *self,
                           gboolean         read)
{
  g_return_if_fail (BROADSHEET_IS_STORY (self));

  read = !!read;
  if (self->read != read)
    {
      self->read = read;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
    }
}

gboolean
broadsheet_story_get_saved (BroadsheetStory *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (self), FALSE);

  return self->saved;
}

void
broadsheet_story_set_saved (BroadsheetStory *self,
                            gboolean         saved)
{
  g_return_if_fail (BROADSHEET_IS_STORY (self));

  saved = !!saved;
  if (self->saved != saved)
    {
      self->saved = saved;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
    }
}

static gboolean
date_time_equal (GDateTime *a,
                 GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

static gboolean
strv_equal (GStrv a,
            GStrv b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *)a, (const char * const *)b);
}

/* Returns %TRUE when @a and @b have the same content; user state (read,
 * saved) is not compared. A refresh keeps the old object for an unchanged
 * story, so selections and rows stay put.
 */
gboolean
broadsheet_story_equal (BroadsheetStory *a,
                        BroadsheetStory *b)
{
  g_return_val_if_fail (BROADSHEET_IS_STORY (a), FALSE);
  g_return_val_if_fail (BROADSHEET_IS_STORY (b), FALSE);

  if (a == b)
    return TRUE;

  if (g_strcmp0 (a->id, b->id) != 0 ||
      g_strcmp0 (a->headline, b->headline) != 0 ||
      g_strcmp0 (a->url, b->url) != 0 ||
      g_strcmp0 (a->kicker, b->kicker) != 0 ||
      g_strcmp0 (a->summary, b->summary) != 0 ||
      g_strcmp0 (a->language, b->language) != 0 ||
      !date_time_equal (a->published, b->published) ||
      !date_time_equal (a->updated, b->updated) ||
      !strv_equal (a->authors, b->authors) ||
      !strv_equal (a->topics, b->topics) ||
      !broadsheet_photo_equal (a->lead_photo, b->lead_photo) ||
      a->blocks->len != b->blocks->len)
    return FALSE;

  for (guint i = 0; i < a->blocks->len; i++)
    if (!broadsheet_block_equal (g_ptr_array_index (a->blocks, i), g_ptr_array_index (b->blocks, i)))
      return FALSE;

  return TRUE;
}
