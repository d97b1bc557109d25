/* test-html-util.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "broadsheet-block.h"

G_BEGIN_DECLS

/* Helpers the HTML body tests share. A description has one line per block
 * that spells out its kind, text, label, spans, items and picture, so a test
 * comparing it checks all of them exactly:
 *
 *   paragraph [Why it matters:] "Rates are rising." i@10+6
 *   list ordered |0 "One" |1 "Nested" a@0+6=https://example.org/
 *   image <https://example.org/a.jpg> alt "A cat" caption "Asleep" 640x480
 */

#define TEST_HTML_BASE "https://example.org/news/story.html"

GPtrArray *test_html_parse          (const char *html,
                                     const char *base_uri);
GPtrArray *test_html_parse_fixture  (const char *name,
                                     const char *base_uri);
char      *test_html_describe       (GPtrArray  *blocks,
                                     guint       n_blocks);
char      *test_html_count_kinds    (GPtrArray  *blocks);
void       test_html_check          (const char *html,
                                     const char *expected);

G_END_DECLS
