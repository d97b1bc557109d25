/* broadsheet-uri.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  broadsheet_uri_is_web_link   (const char *uri,
                                        gboolean    allow_mailto);
char     *broadsheet_uri_resolve_link  (const char *base_uri,
                                        const char *reference);
char     *broadsheet_uri_resolve_media (const char *base_uri,
                                        const char *reference);

G_END_DECLS
