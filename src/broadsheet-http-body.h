/* broadsheet-http-body.h
 *
 * Copyright 2026 The Broadsheet developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define BROADSHEET_HTTP_BODY_ERROR (broadsheet_http_body_error_quark ())

typedef enum
{
  BROADSHEET_HTTP_BODY_ERROR_TOO_LARGE,  /* Over the cap, by Content-Length or as read. */
  BROADSHEET_HTTP_BODY_ERROR_TRUNCATED,  /* Shorter than its Content-Length. */
} BroadsheetHttpBodyError;

GQuark   broadsheet_http_body_error_quark (void);

gboolean broadsheet_http_is_redirect      (guint                status);
void     broadsheet_http_read_body_async  (SoupMessage         *message,
                                           GInputStream        *stream,
                                           guint64              max_size,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GBytes  *broadsheet_http_read_body_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
