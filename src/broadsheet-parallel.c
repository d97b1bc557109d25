/* broadsheet-parallel.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <gio/gio.h>
#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#if HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "broadsheet-parallel.h"

/* Runs func (i) for every i below n on every core: reading a big feed's
 * stories, which are independent of each other (docs/performance.md). The
 * calling thread takes a share too, and returns once every index is done.
 */

/* Indexes are taken in small batches, so one slow story does not hold up
 * the rest of a thread's share.
 */
#define BATCH 16

/* No more threads than this, however many cores. */
#define MAX_THREADS 8

typedef struct
{
  guint                   n;
  int                     next;  /* Atomic: the first index not taken yet. */
  BroadsheetParallelFunc  func;
  GFunc                   thread_init;
  GDestroyNotify          thread_free;
  gpointer                user_data;
} Work;

/* Lowers the calling thread's priority, so that it gives way to the main
 * thread. With 2 cores, the feed readers, the archive's writer and the
 * store's checkpoint took both while the main thread waited for a core:
 * main-loop stalls of 15-80 ms with nothing to do on it
 * (docs/performance.md). On Linux each thread has a nice value of its own.
 * Threads Broadsheet starts call this first; GTasks get it through
 * broadsheet_task_run_in_background(). On GLib's pool threads it stays
 * lowered (raising it back takes a privilege), which suits them: all they
 * run is background work.
 */
void
broadsheet_thread_give_way (void)
{
#ifdef __linux__
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10) != 0)
    g_debug ("Could not lower a worker thread's priority: %s", g_strerror (errno));
#endif
}

static gpointer
work_thread (gpointer data)
{
  Work *work = data;
  gpointer state = NULL;

  if (work->thread_init != NULL)
    work->thread_init (&state, work->user_data);

  for (;;)
    {
      guint start = (guint) g_atomic_int_add (&work->next, BATCH);

      if (start >= work->n)
        break;
      for (guint i = start; i < MIN (start + BATCH, work->n); i++)
        work->func (i, state, work->user_data);
    }

  if (work->thread_free != NULL && state != NULL)
    work->thread_free (state);
  return NULL;
}

static gpointer
spawned_work_thread (gpointer data)
{
  broadsheet_thread_give_way ();
  return work_thread (data);
}

/* thread_init (&state, user_data) sets each thread's state, which
 * thread_free frees; both may be NULL. With fewer than min_parallel items
 * everything runs on the calling thread.
 */
void
broadsheet_parallel_for (guint                  n,
                         guint                  min_parallel,
                         BroadsheetParallelFunc func,
                         GFunc                  thread_init,
                         GDestroyNotify         thread_free,
                         gpointer               user_data)
{
  Work work = { n, 0, func, thread_init, thread_free, user_data };
  guint n_threads = n >= min_parallel ? MIN (g_get_num_processors (), MAX_THREADS) : 1;
  GThread *threads[MAX_THREADS];

  g_return_if_fail (func != NULL);

  for (guint i = 1; i < n_threads; i++)
    threads[i] = g_thread_new ("broadsheet-read", spawned_work_thread, &work);
  work_thread (&work);
  for (guint i = 1; i < n_threads; i++)
    g_thread_join (threads[i]);
}

static G_DEFINE_QUARK (broadsheet-background-func, background_func)

static void
background_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GTaskThreadFunc func = g_object_get_qdata (G_OBJECT (task), background_func_quark ());

  broadsheet_thread_give_way ();
  func (task, source_object, task_data, cancellable);
}

/* g_task_run_in_thread(), on a thread that gives way to the main thread. */
void
broadsheet_task_run_in_background (GTask           *task,
                                   GTaskThreadFunc  func)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  g_object_set_qdata (G_OBJECT (task), background_func_quark (), func);
  g_task_run_in_thread (task, background_thread);
}

static void
release_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_object_unref (task_data);
}

/* Drops a reference to @object on a worker thread: freeing a parsed feed of
 * 10,000 stories takes longer than a frame, and nothing of it needs the main
 * thread. Only for objects no widget has seen.
 */
void
broadsheet_release_in_thread (gpointer object)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_OBJECT (object));

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, broadsheet_release_in_thread);
  /* Not as task data with a free function: the task's last reference, and
   * so that free, can be dropped on the main thread.
   */
  g_task_set_task_data (task, object, NULL);
  broadsheet_task_run_in_background (task, release_thread);
}

static void
trim_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
#if HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif
}

static guint trim_source;

static gboolean
trim_cb (gpointer data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  trim_source = 0;
  g_task_set_source_tag (task, trim_cb);
  broadsheet_task_run_in_background (task, trim_thread);
  return G_SOURCE_REMOVE;
}

/* glibc keeps what is freed in a thread's malloc arena for that arena to
 * reuse. Reading a big feed on every core leaves its temporaries there
 * (json-glib's trees, the bytes, the copies a merge drops): about 50 MB
 * after 10,000 stories (docs/performance.md). Once the main loop is idle,
 * this hands the whole free pages back to the system, on a worker thread.
 */
void
broadsheet_give_back_memory_soon (void)
{
#if HAVE_MALLOC_TRIM
  if (trim_source == 0)
    trim_source = g_idle_add_full (G_PRIORITY_LOW, trim_cb, NULL, NULL);
#endif
}
