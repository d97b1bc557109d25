/* broadsheet-fetch-errors.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Internal to the fetcher: its errors, in words. */
GError    *_broadsheet_fetch_error_describe    (const char *host,
                                                GError     *error,
                                                gboolean    in_body,
                                                gboolean    bad_certificate);
GError    *_broadsheet_fetch_error_status      (const char *host,
                                                guint       status);
GError    *_broadsheet_fetch_error_redirects   (const char *host);
GError    *_broadsheet_fetch_error_truncated   (const char *host);
GError    *_broadsheet_fetch_error_too_large   (const char *host,
                                                gsize       max_size);
GError    *_broadsheet_fetch_error_waiting     (const char *host,
                                                GDateTime  *until,
                                                gboolean    just_asked);
GDateTime *_broadsheet_fetch_parse_retry_after (const char *value,
                                                GDateTime  *now);

G_END_DECLS
