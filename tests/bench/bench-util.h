/* bench-util.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Clock, memory and reporting for the benchmark programs. Every figure is
 * printed as one line "name: value (…)", and a target line says whether the
 * figure meets the target of issue #8; benchmarks never fail on a missed
 * target, they report it.
 */

gint64  bench_now_us          (void);
gsize   bench_rss_bytes       (void);
gsize   bench_peak_rss_bytes  (void);
void    bench_reset_peak_rss  (void);
void    bench_trim_heap       (void);

double  bench_median          (GArray     *samples);
double  bench_percentile      (GArray     *samples,
                               double      percent);
double  bench_max             (GArray     *samples);

void    bench_report          (const char *name,
                               const char *format,
                               ...) G_GNUC_PRINTF (2, 3);
void    bench_target          (const char *name,
                               double      value,
                               double      target,
                               const char *unit);

/* The bench data directory, made on first use: $BENCH_DATA_DIR or
 * $TMPDIR/broadsheet-bench. Generated feeds are cached there by name.
 */
char   *bench_feed_path       (const char *name,
                               int         format,
                               guint       n_stories,
                               const char *photo_base);

G_END_DECLS
