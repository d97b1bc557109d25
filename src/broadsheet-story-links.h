/* broadsheet-story-links.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "broadsheet-story.h"

G_BEGIN_DECLS

GStrv broadsheet_story_dup_links (BroadsheetStory *story);

G_END_DECLS
