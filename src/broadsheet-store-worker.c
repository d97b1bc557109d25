/* broadsheet-store-worker.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <gio/gio.h>

#include "broadsheet-parallel.h"
#include "broadsheet-store-private.h"

/* The store's one thread, the only one that touches SQLite.
 *
 * The owner pushes operations on a queue. The worker takes the first, then
 * every write and flush already queued behind it, and commits those writes
 * in one transaction: marking ten thousand stories read, or ten thousand
 * separate calls made before the worker wakes, costs one commit. A read
 * ends the batch and runs after it, so it sees every write queued before it.
 * A flush completes when its batch has committed, or with its error.
 *
 * When a commit fails for a reason that may pass (a full disk, an I/O error,
 * a lock), its writes are kept and retried with the next batch, or after
 * RETRY_INTERVAL if none comes. A write whose own data is refused is dropped
 * alone. A failure that cannot pass (the file became read-only or damaged)
 * makes the store read-only. Every failure is reported on the owner's main
 * context.
 *
 * Tasks are completed and released on their own main context, never here, so
 * that the owner is never finalised on this thread.
 */

#define RETRY_INTERVAL (30 * G_USEC_PER_SEC)
#define MAX_BATCH      50000  /* Operations, so a flood of writes cannot starve a flush. */

StoreOp *
_broadsheet_store_op_new (StoreOpKind  kind,
                          const char  *feed_uri)
{
  StoreOp *op = g_new0 (StoreOp, 1);

  op->kind = kind;
  op->feed_uri = g_strdup (feed_uri);
  return op;
}

void
_broadsheet_store_op_free (StoreOp *op)
{
  g_free (op->feed_uri);
  g_free (op->story_id);
  g_free (op->text);
  g_clear_pointer (&op->items, g_ptr_array_unref);
  g_clear_object (&op->task);
  g_free (op);
}

StoreWorker *
_broadsheet_store_worker_new (const char *path,
                              GObject    *owner)
{
  StoreWorker *worker = g_new0 (StoreWorker, 1);

  g_atomic_ref_count_init (&worker->ref_count);
  worker->path = g_strdup (path);
  worker->queue = g_async_queue_new_full ((GDestroyNotify)_broadsheet_store_op_free);
  worker->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&worker->owner, owner);
  g_mutex_init (&worker->lock);
  g_cond_init (&worker->cond);
  worker->pending = g_ptr_array_new_with_free_func ((GDestroyNotify)_broadsheet_store_op_free);
  return worker;
}

StoreWorker *
_broadsheet_store_worker_ref (StoreWorker *worker)
{
  g_atomic_ref_count_inc (&worker->ref_count);
  return worker;
}

void
_broadsheet_store_worker_unref (StoreWorker *worker)
{
  if (!g_atomic_ref_count_dec (&worker->ref_count))
    return;

  g_assert (worker->db == NULL);
  g_free (worker->path);
  g_async_queue_unref (worker->queue);
  g_main_context_unref (worker->context);
  g_weak_ref_clear (&worker->owner);
  g_mutex_clear (&worker->lock);
  g_cond_clear (&worker->cond);
  g_clear_error (&worker->problem);
  g_clear_error (&worker->final_error);
  g_clear_error (&worker->open_error);
  g_clear_error (&worker->lost);
  g_ptr_array_unref (worker->pending);
  g_free (worker);
}

typedef struct
{
  GTask          *task;
  gpointer        result;
  GDestroyNotify  destroy;
  GError         *error;
} Completion;

static void
completion_free (gpointer data)
{
  Completion *completion = data;

  g_clear_object (&completion->task);
  if (completion->result != NULL)
    completion->destroy (completion->result);
  g_clear_error (&completion->error);
  g_free (completion);
}

static gboolean
complete_cb (gpointer data)
{
  Completion *completion = data;

  if (completion->error != NULL)
    g_task_return_error (completion->task, g_steal_pointer (&completion->error));
  else if (completion->destroy != NULL)
    g_task_return_pointer (completion->task, g_steal_pointer (&completion->result),
                           completion->destroy);
  else
    g_task_return_boolean (completion->task, TRUE);

  return G_SOURCE_REMOVE;
}

/* Completes @op's task with @error, or @result (a pointer with @destroy, or
 * TRUE), on the task's main context.
 */
static void
complete (StoreOp        *op,
          gpointer        result,
          GDestroyNotify  destroy,
          GError         *error)
{
  Completion *completion = g_new0 (Completion, 1);
  GSource *source = g_idle_source_new ();

  completion->task = g_steal_pointer (&op->task);
  completion->result = result;
  completion->destroy = destroy;
  completion->error = error;

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, complete_cb, completion, completion_free);
  g_source_attach (source, g_task_get_context (completion->task));
  g_source_unref (source);
}

/* The write's own data is refused: retrying cannot help, but the rest can go. */
static gboolean
is_refused (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return TRUE;

    default:
      return FALSE;
    }
}

/* Nothing written to this database can be kept any more. */
static gboolean
is_lasting (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return TRUE;

    default:
      return FALSE;
    }
}

/* Applies every pending write in one transaction. On failure, *@failed is
 * the write at fault when there is one, and *@detail says what happened.
 */
static int
commit_pending (StoreWorker  *worker,
                int          *failed,
                char        **detail)
{
  int rc = sqlite3_exec (worker->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  *failed = -1;
  for (guint i = 0; rc == SQLITE_OK && i < worker->pending->len; i++)
    {
      rc = _broadsheet_store_sql_apply (worker, g_ptr_array_index (worker->pending, i));
      if (rc != SQLITE_OK)
        *failed = i;
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (worker->db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_free (*detail);
      *detail = g_strdup (sqlite3_errmsg (worker->db));
      if (!sqlite3_get_autocommit (worker->db))
        sqlite3_exec (worker->db, "ROLLBACK", NULL, NULL, NULL);
    }

  return rc;
}

/* Commits the pending writes, or keeps them for a retry, or drops them if
 * that cannot help; sets *@lost if any were dropped.
 */
static GError *
commit (StoreWorker *worker,
        gboolean    *lost)
{
  g_autofree char *detail = NULL;
  g_autofree char *refused = NULL;
  int failed;
  int rc;

  if (worker->db == NULL || g_atomic_int_get (&worker->read_only))
    {
      g_ptr_array_set_size (worker->pending, 0);
      *lost = TRUE;
      return _broadsheet_store_error_new (STORE_MESSAGE_WRITE_READ_ONLY, worker->path, NULL);
    }

  /* A refused write is dropped alone, and the rest tried again at once. */
  while ((rc = commit_pending (worker, &failed, &detail)) != SQLITE_OK &&
         is_refused (rc) && failed >= 0)
    {
      g_debug ("Dropping a write to %s: %s", worker->path, detail);
      g_ptr_array_remove_index (worker->pending, failed);
      g_free (refused);
      refused = g_steal_pointer (&detail);
    }

  if (rc == SQLITE_OK)
    {
      g_atomic_int_inc (&worker->n_commits);
      g_ptr_array_set_size (worker->pending, 0);
      if (refused == NULL)
        return NULL;

      *lost = TRUE;
      return _broadsheet_store_error_new (STORE_MESSAGE_WRITE_LOST, worker->path, refused);
    }

  if (is_lasting (rc))
    {
      g_atomic_int_set (&worker->read_only, TRUE);
      g_ptr_array_set_size (worker->pending, 0);
      *lost = TRUE;
      return _broadsheet_store_error_new (STORE_MESSAGE_WRITE_LOST, worker->path, detail);
    }

  return _broadsheet_store_error_new ((rc & 0xff) == SQLITE_FULL ? STORE_MESSAGE_WRITE_NO_SPACE :
                                      STORE_MESSAGE_WRITE_RETRY,
                                      worker->path, detail);
}

/* Commits the pending writes and returns the error, if any. A failure is
 * reported if @report, or if writes were lost. @flushes then complete with
 * that error, or with the one that lost writes since the last flush.
 */
static GError *
write_batch (StoreWorker *worker,
             GPtrArray   *flushes,
             gboolean     report)
{
  GError *error = NULL;
  gboolean lost = FALSE;

  if (worker->pending->len > 0)
    error = commit (worker, &lost);

  if (lost)
    {
      g_clear_error (&worker->lost);
      worker->lost = g_error_copy (error);
    }

  /* Reported first, so that "write-failed" comes before the flushes complete. */
  if (error != NULL && (report || lost))
    _broadsheet_store_report (worker, error);

  if (flushes->len > 0)
    {
      const GError *result = error != NULL ? error : worker->lost;

      for (guint i = 0; i < flushes->len; i++)
        complete (g_ptr_array_index (flushes, i), NULL, NULL,
                  result != NULL ? g_error_copy (result) : NULL);
      g_clear_error (&worker->lost);
    }

  return error;
}

static void
load (StoreWorker *worker,
      StoreOp     *op)
{
  g_autoptr(GPtrArray) stories = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (op->task)))
    complete (op, NULL, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                   "Operation was cancelled"));
  else if (worker->db == NULL)
    complete (op, NULL, NULL, g_error_copy (worker->open_error));
  else if (_broadsheet_store_sql_load (worker, op, &stories) == SQLITE_OK)
    complete (op, g_steal_pointer (&stories), (GDestroyNotify)g_ptr_array_unref, NULL);
  else
    complete (op, NULL, NULL, _broadsheet_store_error_new (STORE_MESSAGE_READ_FAILED, worker->path,
                                                           sqlite3_errmsg (worker->db)));
}

static void
open_database (StoreWorker *worker,
               StoreOp     *op)
{
  GError *problem = NULL;
  GError *error = NULL;
  gboolean read_only = FALSE;

  worker->db = _broadsheet_store_db_open (worker->path, &read_only, &problem, &error);
  g_atomic_int_set (&worker->read_only, worker->db == NULL || read_only);
  g_mutex_lock (&worker->lock);
  worker->problem = problem;
  g_mutex_unlock (&worker->lock);

  if (worker->db == NULL)
    {
      worker->open_error = g_error_copy (error);
      complete (op, NULL, NULL, error);
    }
  else
    {
      complete (op, NULL, NULL, NULL);
    }
}

/* Runs the operation that ended a batch; returns whether to quit. */
static gboolean
run (StoreWorker *worker,
     StoreOp     *op)
{
  switch (op->kind)
    {
    case STORE_OP_OPEN:
      open_database (worker, op);
      return FALSE;

    case STORE_OP_LOAD_FEED:
    case STORE_OP_LOAD_SAVED:
      load (worker, op);
      return FALSE;

    case STORE_OP_EXEC:
      if (worker->db != NULL && sqlite3_exec (worker->db, op->text, NULL, NULL, NULL) != SQLITE_OK)
        g_warning ("%s: %s", op->text, sqlite3_errmsg (worker->db));
      return FALSE;

    case STORE_OP_QUIT:
      return TRUE;

    case STORE_OP_PUT:
    case STORE_OP_TOUCH:
    case STORE_OP_SET_READ:
    case STORE_OP_SET_SAVED:
    case STORE_OP_FORGET_FEED:
    case STORE_OP_EXPIRE:
    case STORE_OP_FLUSH:
    default:
      g_assert_not_reached ();
    }
}

static gpointer
worker_main (gpointer data)
{
  StoreWorker *worker = data;
  g_autoptr(GError) final_error = NULL;
  gboolean quit = FALSE;

  /* Writes, and checkpoints of thousands of stories, can wait for a frame. */
  broadsheet_thread_give_way ();
  while (!quit)
    {
      g_autoptr(GPtrArray) flushes = NULL;
      g_autoptr(GError) error = NULL;
      StoreOp *op;
      StoreOp *last = NULL;
      guint n_new = 0;

      flushes = g_ptr_array_new_with_free_func ((GDestroyNotify)_broadsheet_store_op_free);
      if (worker->pending->len > 0)
        op = g_async_queue_timeout_pop (worker->queue, RETRY_INTERVAL);
      else
        op = g_async_queue_pop (worker->queue);

      for (; op != NULL; op = g_async_queue_try_pop (worker->queue))
        {
          if (STORE_OP_IS_WRITE (op->kind))
            g_ptr_array_add (worker->pending, op);
          else if (op->kind == STORE_OP_FLUSH)
            g_ptr_array_add (flushes, op);
          else
            {
              last = op;
              break;
            }

          if (++n_new >= MAX_BATCH)
            break;
        }

      if (worker->pending->len > 0 || flushes->len > 0)
        error = write_batch (worker, flushes, n_new > 0);

      if (last != NULL)
        {
          quit = run (worker, last);
          _broadsheet_store_op_free (last);
        }
      if (quit)
        final_error = g_steal_pointer (&error);
    }

  _broadsheet_store_sql_finalize (worker);
  g_clear_pointer (&worker->db, sqlite3_close);

  g_mutex_lock (&worker->lock);
  worker->finished = TRUE;
  worker->final_error = g_steal_pointer (&final_error);
  g_cond_broadcast (&worker->cond);
  g_mutex_unlock (&worker->lock);

  _broadsheet_store_worker_unref (worker);
  return NULL;
}

/* Starts the thread, which opens the database first of all. */
void
_broadsheet_store_worker_start (StoreWorker *worker,
                                GTask       *open_task)
{
  StoreOp *op = _broadsheet_store_op_new (STORE_OP_OPEN, NULL);

  g_assert (worker->thread == NULL);

  op->task = g_object_ref (open_task);
  g_async_queue_push_front (worker->queue, op);
  worker->thread = g_thread_new ("broadsheet-store", worker_main,
                                 _broadsheet_store_worker_ref (worker));
}

/* Queues a last batch and waits up to @timeout_ms for it and the thread to
 * end. Fails with what the last batch failed with, or if the wait ran out,
 * leaving the thread to finish alone.
 */
gboolean
_broadsheet_store_worker_stop (StoreWorker  *worker,
                               guint         timeout_ms,
                               GError      **error)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;
  GError *final_error;
  gboolean finished;

  if (worker->thread == NULL)
    return TRUE;

  g_async_queue_push (worker->queue, _broadsheet_store_op_new (STORE_OP_QUIT, NULL));

  g_mutex_lock (&worker->lock);
  while (!worker->finished && g_cond_wait_until (&worker->cond, &worker->lock, deadline))
    ;
  finished = worker->finished;
  final_error = g_steal_pointer (&worker->final_error);
  g_mutex_unlock (&worker->lock);

  if (!finished)
    {
      g_thread_unref (g_steal_pointer (&worker->thread));
      g_propagate_error (error, _broadsheet_store_error_new (STORE_MESSAGE_CLOSE_TIMED_OUT,
                                                             worker->path, NULL));
      return FALSE;
    }

  g_thread_join (g_steal_pointer (&worker->thread));
  if (final_error != NULL)
    {
      g_propagate_error (error, final_error);
      return FALSE;
    }

  return TRUE;
}
