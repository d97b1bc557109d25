/* broadsheet-html-blocks.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "broadsheet-block.h"

G_BEGIN_DECLS

void broadsheet_html_append_blocks (const char *html,
                                    gsize       length,
                                    const char *base_uri,
                                    GPtrArray  *blocks);

G_END_DECLS
