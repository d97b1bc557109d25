/* broadsheet-source.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "broadsheet-feed-parser.h"
#include "broadsheet-source.h"
#include "broadsheet-story.h"

/* One feed the user reads, and the stories it gave last time it loaded.
 * Loading reads the bytes, parses them on a worker thread and merges the
 * result into the story store on the main thread. A failed load keeps the
 * stories already there: a refresh never takes away what is on screen.
 */

#define BUNDLED_FEED_URI "resource://" RESOURCE_PREFIX "/sample/stories.json"

struct _BroadsheetSource
{
  GObject parent_instance;

  GFile                 *file;
  char                  *title;
  GListStore            *stories;
  BroadsheetSourceState  state;
  GError                *error;
  guint                  n_skipped;
};

G_DEFINE_FINAL_TYPE (BroadsheetSource, broadsheet_source, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (BroadsheetSourceState, broadsheet_source_state,
  G_DEFINE_ENUM_VALUE (BROADSHEET_SOURCE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_SOURCE_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_SOURCE_READY, "ready"),
  G_DEFINE_ENUM_VALUE (BROADSHEET_SOURCE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_STORIES,
  PROP_STATE,
  PROP_N_SKIPPED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
broadsheet_source_dispose (GObject *object)
{
  BroadsheetSource *self = (BroadsheetSource *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->stories);

  G_OBJECT_CLASS (broadsheet_source_parent_class)->dispose (object);
}

static void
broadsheet_source_finalize (GObject *object)
{
  BroadsheetSource *self = (BroadsheetSource *)object;

  g_free (self->title);
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
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, broadsheet_source_get_title (self));
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
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
broadsheet_source_class_init (BroadsheetSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = broadsheet_source_dispose;
  object_class->finalize = broadsheet_source_finalize;
  object_class->get_property = broadsheet_source_get_property;
  object_class->set_property = broadsheet_source_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, read_only);
  properties[PROP_STORIES] =
    g_param_spec_object ("stories", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, BROADSHEET_TYPE_SOURCE_STATE,
                       BROADSHEET_SOURCE_IDLE, read_only);
  properties[PROP_N_SKIPPED] =
    g_param_spec_uint ("n-skipped", NULL, NULL, 0, G_MAXUINT, 0, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
broadsheet_source_init (BroadsheetSource *self)
{
  self->stories = g_list_store_new (BROADSHEET_TYPE_STORY);
}

BroadsheetSource *
broadsheet_source_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (BROADSHEET_TYPE_SOURCE, "file", file, NULL);
}

/* Returns a source for the sample stories built into the app. */
BroadsheetSource *
broadsheet_source_new_bundled (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (BUNDLED_FEED_URI);

  return broadsheet_source_new (file);
}

GFile *
broadsheet_source_get_file (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), NULL);

  return self->file;
}

/* Returns the feed's own title once loaded, and its file name before. */
const char *
broadsheet_source_get_title (BroadsheetSource *self)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), NULL);

  if (self->title == NULL)
    self->title = g_file_get_basename (self->file);
  return self->title;
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

static void
set_state (BroadsheetSource      *self,
           BroadsheetSourceState  state)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

/* Replaces the stories with the document's, in one change of the store,
 * carrying the user's read and saved state over to stories with the same id.
 */
static void
merge_document (BroadsheetSource       *self,
                BroadsheetFeedDocument *document)
{
  GPtrArray *stories = broadsheet_feed_document_get_stories (document);
  g_autoptr(GHashTable) previous = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_previous = g_list_model_get_n_items (G_LIST_MODEL (self->stories));

  for (guint i = 0; i < n_previous; i++)
    {
      g_autoptr(BroadsheetStory) story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      g_hash_table_insert (previous, (gpointer)broadsheet_story_get_id (story), story);
    }

  for (guint i = 0; i < stories->len; i++)
    {
      BroadsheetStory *story = g_ptr_array_index (stories, i);
      BroadsheetStory *old = g_hash_table_lookup (previous, broadsheet_story_get_id (story));

      if (old != NULL)
        {
          broadsheet_story_set_read (story, broadsheet_story_get_read (old));
          broadsheet_story_set_saved (story, broadsheet_story_get_saved (old));
        }
    }

  g_list_store_splice (self->stories, 0, n_previous, stories->pdata, stories->len);

  g_free (self->title);
  self->title = g_strdup (broadsheet_feed_document_get_title (document));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  if (self->n_skipped != broadsheet_feed_document_get_n_skipped (document))
    {
      self->n_skipped = broadsheet_feed_document_get_n_skipped (document);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SKIPPED]);
    }
}

static void
fail (BroadsheetSource *self,
      GTask            *task,
      GError           *error)
{
  g_clear_error (&self->error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_state (self, self->stories != NULL &&
               g_list_model_get_n_items (G_LIST_MODEL (self->stories)) > 0
               ? BROADSHEET_SOURCE_READY : BROADSHEET_SOURCE_IDLE);
  else
    {
      self->error = g_error_copy (error);
      set_state (self, BROADSHEET_SOURCE_FAILED);
    }
  g_task_return_error (task, error);
}

static void
parse_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BroadsheetSource *self = g_task_get_source_object (task);
  g_autoptr(BroadsheetFeedDocument) document = NULL;
  GError *error = NULL;

  document = broadsheet_feed_parser_parse_finish (result, &error);
  if (document == NULL)
    {
      fail (self, task, error);
      return;
    }

  merge_document (self, document);
  g_clear_error (&self->error);
  set_state (self, BROADSHEET_SOURCE_READY);
  g_task_return_boolean (task, TRUE);
}

static void
load_bytes_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BroadsheetSource *self = g_task_get_source_object (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  if (bytes == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (self->file);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, _("Could not read “%s”: "), name);
      fail (self, task, error);
      return;
    }

  uri = g_file_get_uri (self->file);
  cancellable = g_task_get_cancellable (task);
  broadsheet_feed_parser_parse_async (bytes, uri, cancellable, parse_cb, g_steal_pointer (&task));
}

/* Loads the feed again. While it loads the old stories stay; on success they
 * are replaced, on failure they are kept and the error is kept for display.
 */
void
broadsheet_source_load_async (BroadsheetSource    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BROADSHEET_IS_SOURCE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, broadsheet_source_load_async);

  set_state (self, BROADSHEET_SOURCE_LOADING);
  g_file_load_bytes_async (self->file, cancellable, load_bytes_cb, g_steal_pointer (&task));
}

gboolean
broadsheet_source_load_finish (BroadsheetSource  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (BROADSHEET_IS_SOURCE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
