/* broadsheet-image-cache-files.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Broadsheet"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "broadsheet-image-cache-private.h"

/* The files of the photo cache. Each photo is a file NAME.image, NAME being
 * the SHA-256 of its URI in hex, written atomically (a temporary file
 * renamed). Its modification time is its last use: set when it is stored and
 * whenever it is used, always later than the last one set, so the order is
 * strict even within one tick of the clock. Past the size limit, the least
 * recently used files go first.
 *
 * A photo of a saved story has a marker NAME.keep beside it (holding the URI,
 * for people who look), which survives restarts; a kept photo is never
 * evicted, even when kept photos alone are over the limit. A marker may come
 * before its photo.
 */

#define IMAGE_SUFFIX ".image"
#define KEEP_SUFFIX ".keep"
#define HASH_LENGTH 64
#define NSEC_PER_SEC G_GINT64_CONSTANT (1000000000)
#define STALE_TEMPORARY_SECONDS (60 * 60)

struct _BroadsheetImageFiles
{
  gatomicrefcount  ref_count;
  char            *directory;

  GMutex           mutex;       /* Guards limit and used. */
  guint64          limit;
  guint64          used;        /* As of the last scan. */

  gint64           last_stamp;  /* The last time of use set, in nanoseconds. */
};

BroadsheetImageFiles *
_broadsheet_image_files_new (const char *directory,
                             guint64     limit)
{
  BroadsheetImageFiles *files = g_new0 (BroadsheetImageFiles, 1);

  g_atomic_ref_count_init (&files->ref_count);
  g_mutex_init (&files->mutex);
  files->directory = g_strdup (directory);
  files->limit = limit;
  return files;
}

BroadsheetImageFiles *
_broadsheet_image_files_ref (BroadsheetImageFiles *files)
{
  g_atomic_ref_count_inc (&files->ref_count);
  return files;
}

void
_broadsheet_image_files_unref (BroadsheetImageFiles *files)
{
  if (!g_atomic_ref_count_dec (&files->ref_count))
    return;

  g_mutex_clear (&files->mutex);
  g_free (files->directory);
  g_free (files);
}

const char *
_broadsheet_image_files_get_directory (BroadsheetImageFiles *files)
{
  return files->directory;
}

void
_broadsheet_image_files_set_limit (BroadsheetImageFiles *files,
                                   guint64               limit)
{
  g_mutex_lock (&files->mutex);
  files->limit = limit;
  g_mutex_unlock (&files->mutex);
}

/* Returns the bytes the photos took at the last scan. */
guint64
_broadsheet_image_files_get_used (BroadsheetImageFiles *files)
{
  guint64 used;

  g_mutex_lock (&files->mutex);
  used = files->used;
  g_mutex_unlock (&files->mutex);

  return used;
}

static char *
entry_path (BroadsheetImageFiles *files,
            const char           *name,
            const char           *suffix)
{
  g_autofree char *file_name = g_strconcat (name, suffix, NULL);

  return g_build_filename (files->directory, file_name, NULL);
}

/* Marks @path as used now, after every other mark made in this run. */
static void
stamp (BroadsheetImageFiles *files,
       const char           *path)
{
  struct timespec times[2];
  gint64 now = g_get_real_time () * 1000;

  files->last_stamp = MAX (now, files->last_stamp + 1);
  times[0].tv_sec = 0;
  times[0].tv_nsec = UTIME_OMIT;
  times[1].tv_sec = files->last_stamp / NSEC_PER_SEC;
  times[1].tv_nsec = files->last_stamp % NSEC_PER_SEC;

  if (utimensat (AT_FDCWD, path, times, 0) != 0 && errno != ENOENT)
    g_debug ("Could not mark %s as used: %s", path, g_strerror (errno));
}

/* Returns the hash part of @file_name if it is HASH@suffix. */
static char *
entry_name (const char *file_name,
            const char *suffix)
{
  if (strlen (file_name) != HASH_LENGTH + strlen (suffix) || !g_str_has_suffix (file_name, suffix))
    return NULL;

  for (guint i = 0; i < HASH_LENGTH; i++)
    if (!g_ascii_isxdigit (file_name[i]))
      return NULL;

  return g_strndup (file_name, HASH_LENGTH);
}

typedef struct
{
  char    *name;
  guint64  size;
  gint64   mtime;  /* In nanoseconds. */
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
}

static int
compare_by_use (gconstpointer a,
                gconstpointer b)
{
  const Entry *entry_a = a;
  const Entry *entry_b = b;

  return (entry_a->mtime > entry_b->mtime) - (entry_a->mtime < entry_b->mtime);
}

/* Removes a temporary file that a crash left in the middle of a store. */
static void
remove_if_stale (BroadsheetImageFiles *files,
                 const char           *file_name)
{
  g_autofree char *path = g_build_filename (files->directory, file_name, NULL);
  struct stat st;

  if (stat (path, &st) == 0 &&
      st.st_mtim.tv_sec + STALE_TEMPORARY_SECONDS < g_get_real_time () / G_USEC_PER_SEC)
    g_unlink (path);
}

static void
list_entries (BroadsheetImageFiles *files,
              GArray               *entries,
              GHashTable           *kept)
{
  g_autoptr(GDir) dir = g_dir_open (files->directory, 0, NULL);
  const char *file_name;

  while (dir != NULL && (file_name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *name = NULL;

      if ((name = entry_name (file_name, KEEP_SUFFIX)) != NULL)
        {
          g_hash_table_add (kept, g_steal_pointer (&name));
        }
      else if ((name = entry_name (file_name, IMAGE_SUFFIX)) != NULL)
        {
          g_autofree char *path = g_build_filename (files->directory, file_name, NULL);
          struct stat st;
          Entry entry;

          if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
            continue;

          entry.name = g_steal_pointer (&name);
          entry.size = st.st_size;
          entry.mtime = (gint64)st.st_mtim.tv_sec * NSEC_PER_SEC + st.st_mtim.tv_nsec;
          g_array_append_val (entries, entry);
        }
      else if (strstr (file_name, IMAGE_SUFFIX ".") != NULL ||
               strstr (file_name, KEEP_SUFFIX ".") != NULL)
        {
          remove_if_stale (files, file_name);
        }
    }
}

/* Counts the photos on disk and removes the least recently used ones, kept
 * ones excepted, until the rest fit in the limit.
 */
void
_broadsheet_image_files_scan (BroadsheetImageFiles *files)
{
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint64 used = 0;
  guint64 limit;

  g_array_set_clear_func (entries, entry_clear);
  list_entries (files, entries, kept);
  for (guint i = 0; i < entries->len; i++)
    used += g_array_index (entries, Entry, i).size;

  g_mutex_lock (&files->mutex);
  limit = files->limit;
  g_mutex_unlock (&files->mutex);

  if (used > limit)
    {
      g_array_sort (entries, compare_by_use);
      for (guint i = 0; i < entries->len && used > limit; i++)
        {
          Entry *entry = &g_array_index (entries, Entry, i);
          g_autofree char *path = NULL;

          if (g_hash_table_contains (kept, entry->name))
            continue;

          path = entry_path (files, entry->name, IMAGE_SUFFIX);
          if (g_unlink (path) == 0 || errno == ENOENT)
            used -= entry->size;
        }
    }

  g_mutex_lock (&files->mutex);
  files->used = used;
  g_mutex_unlock (&files->mutex);
}

static gboolean
make_directory (BroadsheetImageFiles *files)
{
  if (g_mkdir_with_parents (files->directory, 0700) == 0)
    return TRUE;

  g_debug ("Could not create the photo cache folder %s: %s",
           files->directory, g_strerror (errno));
  return FALSE;
}

/* Reads the photo @name and marks it used; fails with G_IO_ERROR_NOT_FOUND
 * when there is none, or it is over @max_size bytes.
 */
GBytes *
_broadsheet_image_files_read (BroadsheetImageFiles  *files,
                              const char            *name,
                              gsize                  max_size,
                              GError               **error)
{
  g_autofree char *path = entry_path (files, name, IMAGE_SUFFIX);
  char *contents = NULL;
  struct stat st;
  gsize length;

  if (stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No cached photo %s", name);
      return NULL;
    }

  /* The body limit may have been lowered since it was stored. */
  if ((guint64)st.st_size > max_size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "The cached photo %s is over the size limit", name);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  stamp (files, path);
  return g_bytes_new_take (contents, length);
}

/* Stores @bytes as the photo @name, then trims the cache to its limit. */
void
_broadsheet_image_files_write (BroadsheetImageFiles *files,
                               const char           *name,
                               GBytes               *bytes)
{
  g_autofree char *path = entry_path (files, name, IMAGE_SUFFIX);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!make_directory (files))
    return;

  if (!g_file_set_contents_full (path, data != NULL ? data : "", length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_debug ("Could not store the photo %s: %s", name, error->message);
      return;
    }

  stamp (files, path);
  _broadsheet_image_files_scan (files);
}

void
_broadsheet_image_files_mark_used (BroadsheetImageFiles *files,
                                   const char           *name)
{
  g_autofree char *path = entry_path (files, name, IMAGE_SUFFIX);

  stamp (files, path);
}

void
_broadsheet_image_files_delete (BroadsheetImageFiles *files,
                                const char           *name)
{
  g_autofree char *path = entry_path (files, name, IMAGE_SUFFIX);

  g_unlink (path);
  _broadsheet_image_files_scan (files);
}

/* Adds or removes the marker that keeps the photo @name; removing it trims
 * the cache.
 */
void
_broadsheet_image_files_set_kept (BroadsheetImageFiles *files,
                                  const char           *name,
                                  const char           *uri,
                                  gboolean              kept)
{
  g_autofree char *path = entry_path (files, name, KEEP_SUFFIX);
  g_autoptr(GError) error = NULL;

  if (!kept)
    {
      g_unlink (path);
      _broadsheet_image_files_scan (files);
      return;
    }

  if (!make_directory (files))
    return;

  if (!g_file_set_contents_full (path, uri, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Could not keep the photo %s: %s", uri, error->message);
}
