/* broadsheet-store.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-store-private.h"

/* The one store of user state: saved stories, read marks and an archive of
 * the stories feeds have listed, in one SQLite database, by default
 * $XDG_DATA_HOME/broadsheet/broadsheet.db. Each story is kept as the JSON
 * its caller serialised; the store never looks inside.
 *
 * All SQLite work happens on the store's worker thread
 * (broadsheet-store-worker.c); writes return at once and are committed in
 * batches, and a flush tells when everything before it is on disk. Opening
 * (broadsheet-store-schema.c) migrates old databases, sets damaged ones
 * aside and falls back to reading only when the file cannot be written; what
 * happened is then in broadsheet_store_get_problem(). Writes that fail later
 * are reported by "write-failed".
 */

#define CLOSE_TIMEOUT_MS 5000

struct _BroadsheetStore
{
  GObject parent_instance;

  StoreWorker *worker;
  gint64       now;     /* For tests: the time to use instead of the clock's, or 0. */
  guint        opened : 1;
  guint        closed : 1;
};

G_DEFINE_FINAL_TYPE (BroadsheetStore, broadsheet_store, G_TYPE_OBJECT)

enum {
  WRITE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

BroadsheetStoredStory *
broadsheet_stored_story_new (const char *feed_uri,
                             const char *story_id,
                             const char *json)
{
  BroadsheetStoredStory *story = g_new0 (BroadsheetStoredStory, 1);

  story->feed_uri = g_strdup (feed_uri);
  story->story_id = g_strdup (story_id);
  story->json = g_strdup (json);
  return story;
}

BroadsheetStoredStory *
broadsheet_stored_story_copy (const BroadsheetStoredStory *story)
{
  BroadsheetStoredStory *copy;

  g_return_val_if_fail (story != NULL, NULL);

  copy = g_memdup2 (story, sizeof *story);
  copy->feed_uri = g_strdup (story->feed_uri);
  copy->story_id = g_strdup (story->story_id);
  copy->json = g_strdup (story->json);
  return copy;
}

void
broadsheet_stored_story_free (BroadsheetStoredStory *story)
{
  if (story == NULL)
    return;

  g_free (story->feed_uri);
  g_free (story->story_id);
  g_free (story->json);
  g_free (story);
}

typedef struct
{
  StoreWorker *worker;
  GError      *error;
} Report;

static void
report_free (gpointer data)
{
  Report *report = data;

  _broadsheet_store_worker_unref (report->worker);
  g_error_free (report->error);
  g_free (report);
}

static gboolean
report_cb (gpointer data)
{
  Report *report = data;
  g_autoptr(BroadsheetStore) self = g_weak_ref_get (&report->worker->owner);

  if (self != NULL)
    g_signal_emit (self, signals[WRITE_FAILED], 0, report->error);

  return G_SOURCE_REMOVE;
}

/* Emits "write-failed" with @error on the owner's main context, from any thread. */
void
_broadsheet_store_report (StoreWorker  *worker,
                          const GError *error)
{
  Report *report = g_new0 (Report, 1);
  GSource *source = g_idle_source_new ();

  g_debug ("%s", error->message);

  report->worker = _broadsheet_store_worker_ref (worker);
  report->error = g_error_copy (error);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, report_cb, report, report_free);
  g_source_attach (source, worker->context);
  g_source_unref (source);
}

/* Stops the worker after a last flush; @emit says whether a failure of that
 * flush may be reported by signal, or only logged (while disposing).
 */
static void
stop (BroadsheetStore *self,
      gboolean         emit)
{
  g_autoptr(GError) error = NULL;
  StoreOp *op;
  guint n_lost = 0;

  if (self->closed)
    return;
  self->closed = TRUE;

  if (self->opened)
    {
      if (!_broadsheet_store_worker_stop (self->worker, CLOSE_TIMEOUT_MS, &error))
        {
          if (emit)
            g_signal_emit (self, signals[WRITE_FAILED], 0, error);
          else
            g_warning ("%s", error->message);
        }
      return;
    }

  /* Never opened: what was queued has nowhere to go. */
  while ((op = g_async_queue_try_pop (self->worker->queue)) != NULL)
    {
      if (op->task != NULL)
        g_task_return_error (op->task, _broadsheet_store_error_new (STORE_MESSAGE_CLOSED,
                                                                    self->worker->path, NULL));
      else
        n_lost++;
      _broadsheet_store_op_free (op);
    }
  if (n_lost > 0)
    g_warning ("%u changes to %s were dropped: the store was closed before it was opened",
               n_lost, self->worker->path);
}

static void
broadsheet_store_dispose (GObject *object)
{
  BroadsheetStore *self = (BroadsheetStore *)object;

  stop (self, FALSE);

  G_OBJECT_CLASS (broadsheet_store_parent_class)->dispose (object);
}

static void
broadsheet_store_finalize (GObject *object)
{
  BroadsheetStore *self = (BroadsheetStore *)object;

  _broadsheet_store_worker_unref (self->worker);

  G_OBJECT_CLASS (broadsheet_store_parent_class)->finalize (object);
}

static void
broadsheet_store_class_init (BroadsheetStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = broadsheet_store_dispose;
  object_class->finalize = broadsheet_store_finalize;

  /**
   * BroadsheetStore::write-failed:
   * @error: what failed, in words for the user
   *
   * Changes could not be saved. Unless the error says they are lost, they
   * are kept and tried again with the next changes.
   */
  signals[WRITE_FAILED] = g_signal_new ("write-failed",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1,
                                        G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
broadsheet_store_init (BroadsheetStore *self)
{
}

/* A store for the database at @path, or with NULL the user's
 * $XDG_DATA_HOME/broadsheet/broadsheet.db. Nothing is opened until
 * broadsheet_store_open_async(); "write-failed" is emitted on the
 * thread-default main context of the caller.
 */
BroadsheetStore *
broadsheet_store_new (const char *path)
{
  g_autofree char *default_path = NULL;
  BroadsheetStore *self = g_object_new (BROADSHEET_TYPE_STORE, NULL);

  if (path == NULL)
    path = default_path = g_build_filename (g_get_user_data_dir (), "broadsheet", "broadsheet.db",
                                            NULL);
  self->worker = _broadsheet_store_worker_new (path, G_OBJECT (self));
  return self;
}

const char *
broadsheet_store_get_path (BroadsheetStore *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORE (self), NULL);

  return self->worker->path;
}

/* Opens the database on the store's thread. It fails only when nothing can
 * be read; otherwise, see broadsheet_store_get_problem() and
 * broadsheet_store_get_read_only(). Writes queued before are applied after.
 */
void
broadsheet_store_open_async (BroadsheetStore     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BROADSHEET_IS_STORE (self));
  g_return_if_fail (!self->opened && !self->closed);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, broadsheet_store_open_async);
  self->opened = TRUE;
  _broadsheet_store_worker_start (self->worker, task);
}

gboolean
broadsheet_store_open_finish (BroadsheetStore  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        broadsheet_store_open_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What went wrong while opening, though the store opened: a damaged database
 * set aside, or one opened read-only. NULL if nothing did.
 */
const GError *
broadsheet_store_get_problem (BroadsheetStore *self)
{
  const GError *problem;

  g_return_val_if_fail (BROADSHEET_IS_STORE (self), NULL);

  g_mutex_lock (&self->worker->lock);
  problem = self->worker->problem;
  g_mutex_unlock (&self->worker->lock);
  return problem;
}

/* Whether writes are refused: opened read-only or failed to open, or the
 * database became unwritable since.
 */
gboolean
broadsheet_store_get_read_only (BroadsheetStore *self)
{
  g_return_val_if_fail (BROADSHEET_IS_STORE (self), TRUE);

  return g_atomic_int_get (&self->worker->read_only);
}

static gint64
current_time (BroadsheetStore *self)
{
  return self->now != 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC;
}

static void
queue_write (BroadsheetStore *self,
             StoreOp         *op)
{
  if (self->closed)
    {
      g_autoptr(GError) error = _broadsheet_store_error_new (STORE_MESSAGE_CLOSED,
                                                             self->worker->path, NULL);

      _broadsheet_store_report (self->worker, error);
      _broadsheet_store_op_free (op);
      return;
    }

  g_async_queue_push (self->worker->queue, op);
}

static void
queue_task (BroadsheetStore     *self,
            StoreOp             *op,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (self->closed)
    {
      g_task_return_error (task, _broadsheet_store_error_new (STORE_MESSAGE_CLOSED,
                                                              self->worker->path, NULL));
      _broadsheet_store_op_free (op);
      return;
    }

  op->task = g_steal_pointer (&task);
  g_async_queue_push (self->worker->queue, op);
}

static GPtrArray *
copy_strv (const char * const *strv)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ptr_array_add (array, g_strdup (strv[i]));
  return array;
}

/* Loads the stories of @feed_uri that are saved, or were last seen in the
 * feed at or after @not_before (Unix seconds), newest first; at most @limit
 * of them, or all when it is -1.
 */
void
broadsheet_store_load_feed_async (BroadsheetStore     *self,
                                  const char          *feed_uri,
                                  gint64               not_before,
                                  int                  limit,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  StoreOp *op;

  g_return_if_fail (BROADSHEET_IS_STORE (self));
  g_return_if_fail (feed_uri != NULL);

  op = _broadsheet_store_op_new (STORE_OP_LOAD_FEED, feed_uri);
  op->time = not_before;
  op->limit = limit;
  queue_task (self, op, cancellable, callback, user_data, broadsheet_store_load_feed_async);
}

/* Returns: (transfer container): BroadsheetStoredStory */
GPtrArray *
broadsheet_store_load_feed_finish (BroadsheetStore  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        broadsheet_store_load_feed_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Loads the saved stories whose feed is not in @feed_uris: those of feeds
 * the user removed. Most recently saved first.
 */
void
broadsheet_store_load_saved_async (BroadsheetStore     *self,
                                   const char * const  *feed_uris,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  StoreOp *op;

  g_return_if_fail (BROADSHEET_IS_STORE (self));

  op = _broadsheet_store_op_new (STORE_OP_LOAD_SAVED, NULL);
  op->items = copy_strv (feed_uris);
  queue_task (self, op, cancellable, callback, user_data, broadsheet_store_load_saved_async);
}

/* Returns: (transfer container): BroadsheetStoredStory */
GPtrArray *
broadsheet_store_load_saved_finish (BroadsheetStore  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        broadsheet_store_load_saved_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
copy_story (gconstpointer story,
            gpointer      user_data)
{
  return broadsheet_stored_story_copy (story);
}

/* Stores @stories (BroadsheetStoredStory) of @feed_uri as listed by the feed
 * now: new ones with their read and saved marks, known ones with their new
 * JSON and publication time but the marks already stored. Their feed_uri and
 * last_seen are ignored.
 */
void
broadsheet_store_put_stories (BroadsheetStore *self,
                              const char      *feed_uri,
                              GPtrArray       *stories)
{
  GPtrArray *copy;

  g_return_if_fail (stories != NULL);

  copy = g_ptr_array_copy (stories, copy_story, NULL);
  g_ptr_array_set_free_func (copy, (GDestroyNotify)broadsheet_stored_story_free);
  broadsheet_store_take_stories (self, feed_uri, copy);
}

/* broadsheet_store_put_stories(), taking @stories, which must free its
 * elements with broadsheet_stored_story_free(): a feed's worth of JSON is
 * not copied on the main thread.
 */
void
broadsheet_store_take_stories (BroadsheetStore *self,
                               const char      *feed_uri,
                               GPtrArray       *stories)
{
  StoreOp *op;

  g_return_if_fail (BROADSHEET_IS_STORE (self));
  g_return_if_fail (feed_uri != NULL);
  g_return_if_fail (stories != NULL);

  for (guint i = 0; i < stories->len; i++)
    {
      const BroadsheetStoredStory *story = g_ptr_array_index (stories, i);

      g_return_if_fail (story->story_id != NULL && story->json != NULL);
    }

  op = _broadsheet_store_op_new (STORE_OP_PUT, feed_uri);
  op->time = current_time (self);
  op->items = stories;
  queue_write (self, op);
}

/* Notes that the feed still lists @story_ids, so they are not expired. */
void
broadsheet_store_touch_stories (BroadsheetStore    *self,
                                const char         *feed_uri,
                                const char * const *story_ids)
{
  StoreOp *op;

  g_return_if_fail (BROADSHEET_IS_STORE (self));
  g_return_if_fail (feed_uri != NULL);

  op = _broadsheet_store_op_new (STORE_OP_TOUCH, feed_uri);
  op->time = current_time (self);
  op->items = copy_strv (story_ids);
  queue_write (self, op);
}

/* Marks stored stories read or unread, any number in one transaction. */
void
broadsheet_store_set_read (BroadsheetStore    *self,
                           const char         *feed_uri,
                           const char * const *story_ids,
                           gboolean            read)
{
  StoreOp *op;

  g_return_if_fail (BROADSHEET_IS_STORE (self));
  g_return_if_fail (feed_uri != NULL);

  op = _broadsheet_store_op_new (STORE_OP_SET_READ, feed_uri);
  op->flag = !!read;
  op->items = copy_strv (story_ids);
  queue_write (self, op);
}

/* Saves a story, with @json its complete serialisation (stored with it,
 * whether or not the story was stored before), or unsaves it (@json may then
 * be NULL to keep the stored one). Saved stories never expire and outlive
 * their feed.
 */
void
broadsheet_store_set_saved (BroadsheetStore *self,
                            const char      *feed_uri,
                            const char      *story_id,
                            const char      *json,
                            gboolean         saved)
{
  StoreOp *op;

  g_return_if_fail (BROADSHEET_IS_STORE (self));
  g_return_if_fail (feed_uri != NULL);
  g_return_if_fail (story_id != NULL);
  g_return_if_fail (json != NULL || !saved);

  op = _broadsheet_store_op_new (STORE_OP_SET_SAVED, feed_uri);
  op->story_id = g_strdup (story_id);
  op->text = g_strdup (json);
  op->flag = !!saved;
  op->time = current_time (self);
  queue_write (self, op);
}

/* Forgets a removed feed: its stories go, except the saved ones. */
void
broadsheet_store_forget_feed (BroadsheetStore *self,
                              const char      *feed_uri)
{
  g_return_if_fail (BROADSHEET_IS_STORE (self));
  g_return_if_fail (feed_uri != NULL);

  queue_write (self, _broadsheet_store_op_new (STORE_OP_FORGET_FEED, feed_uri));
}

/* Deletes the stories not saved and last seen before @older_than (Unix seconds). */
void
broadsheet_store_expire (BroadsheetStore *self,
                         gint64           older_than)
{
  StoreOp *op;

  g_return_if_fail (BROADSHEET_IS_STORE (self));

  op = _broadsheet_store_op_new (STORE_OP_EXPIRE, NULL);
  op->time = older_than;
  queue_write (self, op);
}

/* Completes once every write queued before has been committed, or with the
 * error that stopped it. Cancelling stops the wait, not the writes.
 */
void
broadsheet_store_flush_async (BroadsheetStore     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (BROADSHEET_IS_STORE (self));

  queue_task (self, _broadsheet_store_op_new (STORE_OP_FLUSH, NULL), cancellable, callback,
              user_data, broadsheet_store_flush_async);
}

gboolean
broadsheet_store_flush_finish (BroadsheetStore  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        broadsheet_store_flush_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Commits what is queued, waiting up to a few seconds, and stops the
 * store's thread; later calls fail with BROADSHEET_STORE_ERROR_CLOSED. If
 * the last changes cannot be saved, "write-failed" is emitted before this
 * returns. Disposing the store closes it too, logging such a failure.
 */
void
broadsheet_store_close (BroadsheetStore *self)
{
  g_return_if_fail (BROADSHEET_IS_STORE (self));

  stop (self, TRUE);
}

guint
_broadsheet_store_get_n_commits (BroadsheetStore *self)
{
  return g_atomic_int_get (&self->worker->n_commits);
}

void
_broadsheet_store_set_now (BroadsheetStore *self,
                           gint64           now)
{
  self->now = now;
}

/* Runs @sql on the worker's connection, after the writes queued before. */
void
_broadsheet_store_exec (BroadsheetStore *self,
                        const char      *sql)
{
  StoreOp *op = _broadsheet_store_op_new (STORE_OP_EXEC, NULL);

  g_assert (!self->closed);
  op->text = g_strdup (sql);
  g_async_queue_push (self->worker->queue, op);
}
