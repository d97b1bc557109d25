/* broadsheet-source.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-source-private.h"

/* One feed the user reads, and the stories it gave last time it loaded.
 *
 * Local feeds (files, the bundled sample) are read with GIO; http and https
 * feeds through the app's BroadsheetFetcher, conditionally, with the last
 * good response kept in the BroadsheetFeedCache. The first load of a network
 * feed shows the cached stories before it asks the network.
 *
 * Parsing runs on a worker thread and the result is merged into the story
 * store on the main thread, by story id: an unchanged story keeps its object
 * (so selections and rows stay), a changed one is replaced with the user's
 * read and saved state carried over, and the story the user is reading is
 * kept as it is even when the feed changes or drops it. A failed load keeps
 * every story: a refresh never takes away what is on screen.
 */

G_DEFINE_FINAL_TYPE (BroadsheetSource, broadsheet_source, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (BroadsheetSourceState, broadsheet_source_state,
  G_DEFINE_ENUM_VALUE (BROADSHEET_SOURCE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_SOURCE_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_SOURCE_READY, "ready"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_SOURCE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_URI,
  PROP_FETCHER,
  PROP_CACHE,
  PROP_TITLE,
  PROP_CUSTOM_TITLE,
  PROP_STORIES,
  PROP_STATE,
  PROP_N_SKIPPED,
  PROP_N_UNREAD,
  PROP_N_SAVED,
  PROP_LAST_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
story_marks_changed_cb (BroadsheetStory  *story,
                        GParamSpec       *pspec,
                        BroadsheetSource *self)
{
  if (g_str_equal (pspec->name, "read"))
    {
      if (broadsheet_story_get_read (story))
        self->n_unread--;
      else
        self->n_unread++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREAD]);
    }
  else if (g_str_equal (pspec->name, "saved"))
    {
      if (broadsheet_story_get_saved (story))
        self->n_saved++;
      else
        self->n_saved--;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SAVED]);
    }
}

static void
track_story (BroadsheetSource *self,
             BroadsheetStory  *story)
{
  /* Not g_signal_connect_object(): that watches the source from every
   * story, and GLib 2.74 keeps those watches in one array that grows and is
   * searched one by one, about 5 ms per 10,000 stories. Dispose and
   * untrack_story() disconnect these.
   */
  broadsheet_story_connect_marks_changed (story, G_CALLBACK (story_marks_changed_cb), self);
  if (!broadsheet_story_get_read (story))
    self->n_unread++;
  if (broadsheet_story_get_saved (story))
    self->n_saved++;
  if (self->store != NULL)
    broadsheet_story_archive_follow (self->store, self->uri, story);
}

static void
untrack_story (BroadsheetSource *self,
               BroadsheetStory  *story)
{
  g_signal_handlers_disconnect_by_func (story, story_marks_changed_cb, self);
  if (!broadsheet_story_get_read (story))
    self->n_unread--;
  if (broadsheet_story_get_saved (story))
    self->n_saved--;
  if (self->store != NULL)
    broadsheet_story_archive_unfollow (story);
}

static void
broadsheet_source_dispose (GObject *object)
{
  BroadsheetSource *self = (BroadsheetSource *)object;

  if (self->stories != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->stories)); i++)
        {
          g_autoptr(BroadsheetStory) story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

          g_signal_handlers_disconnect_by_func (story, story_marks_changed_cb, self);
          if (self->store != NULL)
            broadsheet_story_archive_unfollow (story);
        }
    }

  g_clear_object (&self->fetcher);
  g_clear_object (&self->cache);
  g_clear_object (&self->store);
  g_clear_object (&self->stories);
  g_clear_object (&self->held_story);

  G_OBJECT_CLASS (broadsheet_source_parent_class)->dispose (object);
}

static void
broadsheet_source_finalize (GObject *object)
{
  BroadsheetSource *self = (BroadsheetSource *)object;

  g_free (self->uri);
  g_free (self->feed_title);
  g_free (self->custom_title);
  g_free (self->fallback_title);
  g_free (self->etag);
  g_free (self->last_modified);
  g_clear_pointer (&self->last_updated, g_date_time_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (broadsheet_source_parent_class)->finalize (object);
}

static void
broadsheet_source_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BroadsheetSource *self = BROADSHEET_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;

    case PROP_FETCHER:
      g_value_set_object (value, self->fetcher);
      break;

    case PROP_CACHE:
      g_value_set_object (value, self->cache);
      break;

    case PROP_TITLE:
      g_value_set_string (value, broadsheet_source_get_title (self));
      break;

    case PROP_CUSTOM_TITLE:
      g_value_set_string (value, self->custom_title);
      break;

    case PROP_STORIES:
      g_value_set_object (value, self->stories);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_N_SKIPPED:
      g_value_set_uint (value, self->n_skipped);
      break;

    case PROP_N_UNREAD:
      g_value_set_uint (value, self->n_unread);
      break;

    case PROP_N_SAVED:
      g_value_set_uint (value, self->n_saved);
      break;

    case PROP_LAST_UPDATED:
      g_value_set_boxed (value, self->last_updated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_source_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BroadsheetSource *self = BROADSHEET_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URI:
      self->uri = g_value_dup_string (value);
      break;

    case PROP_FETCHER:
      self->fetcher = g_value_dup_object (value);
      break;

    case PROP_CACHE:
      self->cache = g_value_dup_object (value);
      break;

    case PROP_CUSTOM_TITLE:
      broadsheet_source_set_custom_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_source_class_init (BroadsheetSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = broadsheet_source_dispose;
  object_class->finalize = broadsheet_source_finalize;
  object_class->get_property = broadsheet_source_get_property;
  object_class->set_property = broadsheet_source_set_property;

  properties[PROP_URI] = g_param_spec_string ("uri", NULL, NULL, NULL, construct);
  properties[PROP_FETCHER] =
    g_param_spec_object ("fetcher", NULL, NULL, BROADSHEET_TYPE_FETCHER, construct);
  properties[PROP_CACHE] =
    g_param_spec_object ("cache", NULL, NULL, BROADSHEET_TYPE_FEED_CACHE, construct);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, read_only);
  properties[PROP_CUSTOM_TITLE] =
    g_param_spec_string ("custom-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORIES] =
    g_param_spec_object ("stories", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, BROADSHEET_TYPE_SOURCE_STATE,
                       BROADSHEET_SOURCE_IDLE, read_only);
  properties[PROP_N_SKIPPED] =
    g_param_spec_uint ("n-skipped", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_N_UNREAD] =
    g_param_spec_uint ("n-unread", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_N_SAVED] =
    g_param_spec_uint ("n-saved", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_LAST_UPDATED] =
    g_param_spec_boxed ("last-updated", NULL, NULL, G_TYPE_DATE_TIME, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
broadsheet_source_init (BroadsheetSource *self)
{
  self->stories = g_list_store_new (BROADSHEET_TYPE_STORY);
}

/* Returns a source for @uri: a file, resource, http or https address.
 * Network sources need @fetcher; @cache may be NULL.
 */
BroadsheetSource *
broadsheet_source_new (const char          *uri,
                       BroadsheetFetcher   *fetcher,
                       BroadsheetFeedCache *cache)
{
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (fetcher == NULL || BROADSHEET_IS_FETCHER (fetcher), NULL);
  g_return_val_if_fail (cache == NULL || BROADSHEET_IS_FEED_CACHE (cache), NULL);

  return g_object_new (BROADSHEET_TYPE_SOURCE,
                       "uri", uri,
                       "fetcher", fetcher,
                       "cache", cache,
                       NULL);
}

/* Returns a source for the sample stories built into the app. */
BroadsheetSource *
broadsheet_source_new_bundled (void)
{
  return broadsheet_source_new (BROADSHEET_BUNDLED_FEED_URI, NULL, NULL);
}

const char *
broadsheet_source_get_uri (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), NULL);

  return self->uri;
}

/* Returns %TRUE for http and https feeds, which load through the network. */
gboolean
broadsheet_source_is_remote (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), FALSE);

  return g_str_has_prefix (self->uri, "http://") || g_str_has_prefix (self->uri, "https://");
}

/* Returns the name the user gave the feed, or the feed's own title once
 * loaded, or before that its host or file name.
 */
const char *
broadsheet_source_get_title (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), NULL);

  if (self->custom_title != NULL)
    return self->custom_title;
  if (self->feed_title != NULL)
    return self->feed_title;

  if (self->fallback_title == NULL)
    {
      g_autoptr(GUri) parsed = g_uri_parse (self->uri, G_URI_FLAGS_NONE, NULL);

      if (parsed != NULL && g_uri_get_host (parsed) != NULL && *g_uri_get_host (parsed) != '\0')
        self->fallback_title = g_strdup (g_uri_get_host (parsed));
      else
        self->fallback_title = g_path_get_basename (parsed != NULL ? g_uri_get_path (parsed)
                                                                   : self->uri);
    }
  return self->fallback_title;
}

const char *
broadsheet_source_get_custom_title (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), NULL);

  return self->custom_title;
}

/* Names the feed; %NULL or an empty name goes back to the feed's own title. */
void
broadsheet_source_set_custom_title (BroadsheetSource *self,
                                    const char       *title)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (BROADSHEET_IS_SOURCE (self));

  stripped = title != NULL ? g_strstrip (g_strdup (title)) : NULL;
  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (stripped, self->custom_title) == 0)
    return;

  g_free (self->custom_title);
  self->custom_title = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Returns: (transfer none): a list model of BroadsheetStory. */
GListModel *
broadsheet_source_get_stories (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), NULL);

  return G_LIST_MODEL (self->stories);
}

BroadsheetSourceState
broadsheet_source_get_state (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), BROADSHEET_SOURCE_IDLE);

  return self->state;
}

/* Returns: (nullable): why the last load failed, in words for the user. */
const GError *
broadsheet_source_get_error (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), NULL);

  return self->error;
}

guint
broadsheet_source_get_n_skipped (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), 0);

  return self->n_skipped;
}

guint
broadsheet_source_get_n_saved (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), 0);

  return self->n_saved;
}

guint
broadsheet_source_get_n_unread (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), 0);

  return self->n_unread;
}

/* Returns: (nullable): when the feed last loaded or was confirmed unchanged. */
GDateTime *
broadsheet_source_get_last_updated (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), NULL);

  return self->last_updated;
}

/* Keeps @story, the one the user is reading, exactly as it is through
 * refreshes, even if the feed changes or drops it. %NULL lets it go.
 */
void
broadsheet_source_hold_story (BroadsheetSource *self,
                              BroadsheetStory  *story)
{
  g_return_if_fail (BROADSHEET_IS_SOURCE (self));
  g_return_if_fail (story == NULL || BROADSHEET_IS_STORY (story));

  g_set_object (&self->held_story, story);
}

void
_broadsheet_source_set_state (BroadsheetSource      *self,
                              BroadsheetSourceState  state)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

void
_broadsheet_source_mark_updated (BroadsheetSource *self,
                                 GDateTime        *when)
{
  g_clear_pointer (&self->last_updated, g_date_time_unref);
  self->last_updated = when != NULL ? g_date_time_ref (when) : g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_UPDATED]);
}

/* Adds the rest of the archive's @stories (the first screenful is shown
 * already): those not listed yet, whether or not the feed was read since.
 */
void
_broadsheet_source_restore_more (BroadsheetSource *self,
                                 GPtrArray        *stories)
{
  /* Keyed by id, like the merge's table (the hashes were taken on the
   * reader threads); the list store keeps the keys alive.
   */
  g_autoptr(GHashTable) listed = g_hash_table_new (broadsheet_story_hash_id,
                                                   broadsheet_story_equal_id);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  guint n_unread_before = self->n_unread;
  guint n_saved_before = self->n_saved;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BroadsheetStory) story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      g_hash_table_add (listed, story);
    }
  for (guint i = 0; i < stories->len; i++)
    {
      BroadsheetStory *story = g_ptr_array_index (stories, i);

      if (!g_hash_table_contains (listed, story))
        {
          track_story (self, story);
          g_ptr_array_add (missing, story);
        }
    }
  if (missing->len == 0)
    return;

  g_list_store_splice (self->stories, n, 0, missing->pdata, missing->len);
  if (self->n_unread != n_unread_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREAD]);
  if (self->n_saved != n_saved_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SAVED]);
}

/* Replaces the stories of @store with @stories, telling only the range that
 * changed: a refresh of an unchanged feed then changes nothing, and the
 * list, its sort and its rows have nothing to redo.
 */
static void
splice_changed_range (GListStore *store,
                      GPtrArray  *stories)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = stories->len;
  guint start = 0, end_old = n_old, end_new = n_new;

  while (start < end_old && start < end_new)
    {
      g_autoptr(BroadsheetStory) old = g_list_model_get_item (model, start);

      if (old != g_ptr_array_index (stories, start))
        break;
      start++;
    }
  while (end_old > start && end_new > start)
    {
      g_autoptr(BroadsheetStory) old = g_list_model_get_item (model, end_old - 1);

      if (old != g_ptr_array_index (stories, end_new - 1))
        break;
      end_old--;
      end_new--;
    }

  if (end_old > start || end_new > start)
    g_list_store_splice (store, start, end_old - start, stories->pdata + start, end_new - start);
}

/* Shows @stories from the archive, on a first load before the feed is read. */
void
_broadsheet_source_restore_stories (BroadsheetSource *self,
                                    GPtrArray        *stories)
{
  guint n_unread_before = self->n_unread;
  guint n_saved_before = self->n_saved;

  /* The feed was read already: it has the last word. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->stories)) > 0 || stories->len == 0)
    return;

  for (guint i = 0; i < stories->len; i++)
    track_story (self, g_ptr_array_index (stories, i));
  g_list_store_splice (self->stories, 0, 0, stories->pdata, stories->len);

  if (self->n_unread != n_unread_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREAD]);
  if (self->n_saved != n_saved_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SAVED]);
}

void
_broadsheet_source_merge_document (BroadsheetSource       *self,
                                   BroadsheetFeedDocument *document)
{
  GPtrArray *incoming = broadsheet_feed_document_get_stories (document);
  /* Previous stories, keyed by id: a story looks up its previous version. */
  g_autoptr(GHashTable) previous = g_hash_table_new (broadsheet_story_hash_id,
                                                     broadsheet_story_equal_id);
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) listed_before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) merged = g_ptr_array_new_full (incoming->len + 1, g_object_unref);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) unchanged_ids = g_ptr_array_new ();
  guint n_previous = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  guint n_unread_before = self->n_unread;
  guint n_saved_before = self->n_saved;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean held_is_ours = FALSE;
  gboolean held_kept = FALSE;

  /* The list as it is, walked three times below. */
  for (guint i = 0; i < n_previous; i++)
    {
      BroadsheetStory *story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      g_ptr_array_add (listed_before, story);
      g_hash_table_add (previous, story);
      held_is_ours |= story == self->held_story;
    }

  for (guint i = 0; i < incoming->len; i++)
    {
      BroadsheetStory *story = g_ptr_array_index (incoming, i);
      BroadsheetStory *old = g_hash_table_lookup (previous, story);

      /* What stays in previous is what the feed no longer lists. The
       * reader has dropped repeated ids, so none is looked up twice.
       */
      if (old != NULL)
        g_hash_table_remove (previous, story);
      /* Digests were taken on the parser's threads. */
      if (old != NULL && (old == self->held_story ||
                          broadsheet_story_get_digest (old) == broadsheet_story_get_digest (story)))
        {
          held_kept |= old == self->held_story;
          broadsheet_story_archive_set_last_seen (old, now);
          g_ptr_array_add (merged, g_object_ref (old));
          g_ptr_array_add (unchanged_ids, (gpointer)broadsheet_story_get_id (old));
          continue;
        }

      if (old != NULL)
        {
          broadsheet_story_set_read (story, broadsheet_story_get_read (old));
          broadsheet_story_set_saved (story, broadsheet_story_get_saved (old));
        }
      broadsheet_story_archive_set_last_seen (story, now);
      g_ptr_array_add (merged, g_object_ref (story));
      g_ptr_array_add (changed, story);
    }

  /* With an archive, stories the feed dropped stay for the retention period
   * (saved ones for good), so nothing vanishes mid-read.
   */
  for (guint i = 0; self->store != NULL && i < n_previous; i++)
    {
      BroadsheetStory *story = g_ptr_array_index (listed_before, i);

      if (g_hash_table_contains (previous, story) &&
          story != self->held_story && _broadsheet_source_keeps_dropped (self, story, now))
        g_ptr_array_add (merged, g_object_ref (story));
    }

  if (held_is_ours && !held_kept)
    g_ptr_array_add (merged, g_object_ref (self->held_story));

  /* Follow only the stories that come and go (most stay, and connecting
   * and disconnecting handlers for 10,000 stories takes longer than a
   * frame), then swap the new set in with one change.
   */
  for (guint i = 0; i < merged->len; i++)
    g_hash_table_add (kept, g_ptr_array_index (merged, i));
  for (guint i = 0; i < n_previous; i++)
    {
      BroadsheetStory *story = g_ptr_array_index (listed_before, i);

      if (!g_hash_table_remove (kept, story))
        untrack_story (self, story);
    }
  for (guint i = 0; i < merged->len; i++)
    if (g_hash_table_contains (kept, g_ptr_array_index (merged, i)))
      track_story (self, g_ptr_array_index (merged, i));

  splice_changed_range (self->stories, merged);
  if (self->store != NULL)
    {
      g_ptr_array_add (unchanged_ids, NULL);
      _broadsheet_source_archive_merged (self, changed, (const char * const *)unchanged_ids->pdata);
    }

  if (self->n_unread != n_unread_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREAD]);
  if (self->n_saved != n_saved_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SAVED]);

  if (g_strcmp0 (self->feed_title, broadsheet_feed_document_get_title (document)) != 0)
    {
      g_free (self->feed_title);
      self->feed_title = g_strdup (broadsheet_feed_document_get_title (document));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  if (self->n_skipped != broadsheet_feed_document_get_n_skipped (document))
    {
      self->n_skipped = broadsheet_feed_document_get_n_skipped (document);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SKIPPED]);
    }
}

