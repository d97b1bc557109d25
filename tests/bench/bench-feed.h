/* bench-feed.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BENCH_FEED_STORY_JSON,
  BENCH_FEED_JSON_FEED,
} BenchFeedFormat;

/* Synthetic but realistic feeds for the benchmarks: n stories, newest first,
 * with kicker, headline, summary, authors, topics, a lead photo with caption,
 * credit and alt text, and a 2–4 KB body of mixed blocks (paragraphs with
 * spans, labelled paragraphs, a labelled list, a pull quote, a heading and a
 * "Go deeper" link) in several scripts. The same seed gives the same bytes.
 *
 * photo_base: where lead photos live ("http://127.0.0.1:PORT/p/"); story i's
 * photo is photo_base + "i.jpg". NULL leaves lead photos out.
 */
GBytes *bench_feed_generate (BenchFeedFormat  format,
                             guint            n_stories,
                             guint32          seed,
                             const char      *photo_base);

G_END_DECLS
