/* broadsheet-search.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "broadsheet-story.h"

G_BEGIN_DECLS

typedef struct
{
  gsize start; /* Byte offsets into the text searched. */
  gsize end;
} BroadsheetSearchMatch;

char       *broadsheet_search_fold         (const char      *text,
                                            gssize           length,
                                            GArray          *offsets);
GArray     *broadsheet_search_find         (const char      *text,
                                            const char      *folded_query);
const char *broadsheet_story_get_search_text (BroadsheetStory *story);
gboolean    broadsheet_story_matches       (BroadsheetStory *story,
                                            const char      *folded_query);

G_END_DECLS
