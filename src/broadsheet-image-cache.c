/* broadsheet-image-cache.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include "broadsheet-image-cache-private.h"
#include "broadsheet-image-cache.h"

/* The bytes of photos as they came from the network, on disk and bounded in
 * size, so a story seen once shows its photos again at once, and offline.
 * How the files are laid out is in broadsheet-image-cache-files.c.
 *
 * All file work runs, in the order it was asked for, on one worker thread of
 * the cache's own, so a photo kept before another is stored is never evicted
 * by that store, and two stores never trim at once. Finalizing the cache
 * waits for the queued work, so what was asked before the app quits reaches
 * the disk.
 */

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean done;
} Sync;

typedef enum
{
  JOB_SCAN,
  JOB_LOOKUP,
  JOB_STORE,
  JOB_TOUCH,
  JOB_REMOVE,
  JOB_KEEP,
  JOB_UNKEEP,
  JOB_SYNC,
} JobKind;

typedef struct
{
  JobKind               kind;
  BroadsheetImageFiles *files;
  char                 *name;      /* The hash of the URI. */
  char                 *uri;
  GBytes               *bytes;     /* To store, or found. */
  GError               *error;
  gsize                 max_size;
  GTask                *task;      /* JOB_LOOKUP. */
  Sync                 *sync;      /* JOB_SYNC. */
} Job;

struct _BroadsheetImageCache
{
  GObject parent_instance;

  BroadsheetImageFiles *files;
  GThreadPool          *pool;   /* One thread, so jobs run in order. */
};

G_DEFINE_FINAL_TYPE (BroadsheetImageCache, broadsheet_image_cache, G_TYPE_OBJECT)

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->files, _broadsheet_image_files_unref);
  g_free (job->name);
  g_free (job->uri);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_error (&job->error);
  g_clear_object (&job->task);
  g_free (job);
}

static gboolean
deliver_lookup_cb (gpointer data)
{
  Job *job = data;

  if (job->bytes != NULL)
    g_task_return_pointer (job->task, g_steal_pointer (&job->bytes),
                           (GDestroyNotify)g_bytes_unref);
  else
    g_task_return_error (job->task, g_steal_pointer (&job->error));

  return G_SOURCE_REMOVE;
}

/* The answer, and the last reference to the task (so to the cache), go back
 * to the task's thread: the cache is never finalized on its own worker.
 */
static void
deliver_lookup (Job *job)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_lookup_cb, job, job_free);
  g_source_attach (source, g_task_get_context (job->task));
  g_source_unref (source);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;

  switch (job->kind)
    {
    case JOB_SCAN:
      _broadsheet_image_files_scan (job->files);
      break;

    case JOB_LOOKUP:
      job->bytes = _broadsheet_image_files_read (job->files, job->name, job->max_size,
                                                 &job->error);
      deliver_lookup (job);
      return;

    case JOB_STORE:
      _broadsheet_image_files_write (job->files, job->name, job->bytes);
      break;

    case JOB_TOUCH:
      _broadsheet_image_files_mark_used (job->files, job->name);
      break;

    case JOB_REMOVE:
      _broadsheet_image_files_delete (job->files, job->name);
      break;

    case JOB_KEEP:
    case JOB_UNKEEP:
      _broadsheet_image_files_set_kept (job->files, job->name, job->uri, job->kind == JOB_KEEP);
      break;

    case JOB_SYNC:
      g_mutex_lock (&job->sync->mutex);
      job->sync->done = TRUE;
      g_cond_signal (&job->sync->cond);
      g_mutex_unlock (&job->sync->mutex);
      break;

    default:
      g_assert_not_reached ();
    }

  job_free (job);
}

static Job *
job_new (BroadsheetImageCache *self,
         JobKind               kind,
         const char           *uri)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->files = _broadsheet_image_files_ref (self->files);
  if (uri != NULL)
    {
      job->uri = g_strdup (uri);
      job->name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
    }
  return job;
}

static void
push (BroadsheetImageCache *self,
      Job                  *job)
{
  g_autoptr(GError) error = NULL;

  if (!g_thread_pool_push (self->pool, job, &error))
    {
      /* Only when no thread could be made: do the work here. */
      g_warning ("Could not start the photo cache thread: %s", error->message);
      run_job (job, NULL);
    }
}

static void
broadsheet_image_cache_finalize (GObject *object)
{
  BroadsheetImageCache *self = (BroadsheetImageCache *)object;

  /* Let what was asked reach the disk. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_pointer (&self->files, _broadsheet_image_files_unref);

  G_OBJECT_CLASS (broadsheet_image_cache_parent_class)->finalize (object);
}

static void
broadsheet_image_cache_class_init (BroadsheetImageCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = broadsheet_image_cache_finalize;
}

static void
broadsheet_image_cache_init (BroadsheetImageCache *self)
{
  self->pool = g_thread_pool_new (run_job, NULL, 1, FALSE, NULL);
}

/* Returns a cache in @directory, made when first written to, which it
 * starts counting (and trimming to @limit bytes) at once.
 */
BroadsheetImageCache *
broadsheet_image_cache_new (const char *directory,
                            guint64     limit)
{
  BroadsheetImageCache *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (BROADSHEET_TYPE_IMAGE_CACHE, NULL);
  self->files = _broadsheet_image_files_new (directory, limit);
  push (self, job_new (self, JOB_SCAN, NULL));
  return self;
}

const char *
broadsheet_image_cache_get_directory (BroadsheetImageCache *self)
{
  g_return_val_if_fail (BROADSHEET_IS_IMAGE_CACHE (self), NULL);

  return _broadsheet_image_files_get_directory (self->files);
}

/* Sets how many bytes the photos may take on disk, and trims them to it. */
void
broadsheet_image_cache_set_limit (BroadsheetImageCache *self,
                                  guint64               limit)
{
  g_return_if_fail (BROADSHEET_IS_IMAGE_CACHE (self));

  _broadsheet_image_files_set_limit (self->files, limit);
  push (self, job_new (self, JOB_SCAN, NULL));
}

/* Returns the bytes the photos take on disk once the work asked so far is
 * done. It waits for that work, so it is for tests and benchmarks.
 */
guint64
broadsheet_image_cache_get_used (BroadsheetImageCache *self)
{
  Sync sync = { 0 };
  Job *job;

  g_return_val_if_fail (BROADSHEET_IS_IMAGE_CACHE (self), 0);

  g_mutex_init (&sync.mutex);
  g_cond_init (&sync.cond);

  job = job_new (self, JOB_SYNC, NULL);
  job->sync = &sync;
  push (self, job);

  g_mutex_lock (&sync.mutex);
  while (!sync.done)
    g_cond_wait (&sync.cond, &sync.mutex);
  g_mutex_unlock (&sync.mutex);

  g_mutex_clear (&sync.mutex);
  g_cond_clear (&sync.cond);

  return _broadsheet_image_files_get_used (self->files);
}

/* Reads the stored bytes of @uri and marks them used; fails with
 * G_IO_ERROR_NOT_FOUND when there are none, or more than @max_size.
 */
void
broadsheet_image_cache_lookup_async (BroadsheetImageCache *self,
                                     const char           *uri,
                                     gsize                 max_size,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  Job *job;

  g_return_if_fail (BROADSHEET_IS_IMAGE_CACHE (self));
  g_return_if_fail (uri != NULL);

  job = job_new (self, JOB_LOOKUP, uri);
  job->max_size = max_size;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, broadsheet_image_cache_lookup_async);
  push (self, job);
}

GBytes *
broadsheet_image_cache_lookup_finish (BroadsheetImageCache  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        broadsheet_image_cache_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Stores @bytes for @uri, then trims the cache to its limit. */
void
broadsheet_image_cache_store (BroadsheetImageCache *self,
                              const char           *uri,
                              GBytes               *bytes)
{
  Job *job;

  g_return_if_fail (BROADSHEET_IS_IMAGE_CACHE (self));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (bytes != NULL);

  job = job_new (self, JOB_STORE, uri);
  job->bytes = g_bytes_ref (bytes);
  push (self, job);
}

/* Marks @uri's photo, if stored, as used now. */
void
broadsheet_image_cache_touch (BroadsheetImageCache *self,
                              const char           *uri)
{
  g_return_if_fail (BROADSHEET_IS_IMAGE_CACHE (self));
  g_return_if_fail (uri != NULL);

  push (self, job_new (self, JOB_TOUCH, uri));
}

/* Forgets @uri's photo, when what is stored turns out unusable. */
void
broadsheet_image_cache_remove (BroadsheetImageCache *self,
                               const char           *uri)
{
  g_return_if_fail (BROADSHEET_IS_IMAGE_CACHE (self));
  g_return_if_fail (uri != NULL);

  push (self, job_new (self, JOB_REMOVE, uri));
}

/* Keeps @uri's photo, stored now or later, from eviction while @keep; with
 * @keep FALSE it may go again, and the cache is trimmed.
 */
void
broadsheet_image_cache_keep (BroadsheetImageCache *self,
                             const char           *uri,
                             gboolean              keep)
{
  g_return_if_fail (BROADSHEET_IS_IMAGE_CACHE (self));
  g_return_if_fail (uri != NULL);

  push (self, job_new (self, keep ? JOB_KEEP : JOB_UNKEEP, uri));
}
