/* bench-util.c
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bench-util.h"

#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-feed.h"

gint64
bench_now_us (void)
{
  return g_get_monotonic_time ();
}

static gsize
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  if (line == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

gsize
bench_rss_bytes (void)
{
  return status_kib ("VmRSS:") * 1024;
}

gsize
bench_peak_rss_bytes (void)
{
  return status_kib ("VmHWM:") * 1024;
}

/* Linux resets the high-water mark when 5 is written to clear_refs. */
void
bench_reset_peak_rss (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

void
bench_trim_heap (void)
{
  malloc_trim (0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_percentile (GArray *samples,
                  double  percent)
{
  g_autoptr(GArray) sorted = NULL;
  guint index;

  if (samples->len == 0)
    return 0;
  sorted = g_array_copy (samples);
  g_array_sort (sorted, compare_doubles);
  index = (guint) MIN ((double) sorted->len - 1, percent / 100.0 * sorted->len);
  return g_array_index (sorted, double, index);
}

double
bench_median (GArray *samples)
{
  return bench_percentile (samples, 50);
}

double
bench_max (GArray *samples)
{
  return bench_percentile (samples, 100);
}

void
bench_report (const char *name,
              const char *format,
              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  printf ("%-44s %s\n", name, text);
  fflush (stdout);
}

void
bench_target (const char *name,
              double      value,
              double      target,
              const char *unit)
{
  printf ("%-44s %.2f%s, target ≤ %.2f%s: %s\n", name, value, unit, target, unit,
          value <= target ? "met" : "MISSED");
  fflush (stdout);
}

char *
bench_feed_path (const char *name,
                 int         format,
                 guint       n_stories,
                 const char *photo_base)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  char *path;

  if (g_getenv ("BENCH_DATA_DIR") != NULL)
    dir = g_strdup (g_getenv ("BENCH_DATA_DIR"));
  else
    dir = g_build_filename (g_get_tmp_dir (), "broadsheet-bench", NULL);
  g_mkdir_with_parents (dir, 0700);

  file = g_strdup_printf ("%s-%u.json", name, n_stories);
  path = g_build_filename (dir, file, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GBytes) bytes = bench_feed_generate (format, n_stories, n_stories, photo_base);
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                &error))
        g_error ("Cannot write %s: %s", path, error->message);
    }
  return path;
}
